package kr.fm.arrears.escalation;

/** The step for one lease, with the ladder it was decided by. */
public record Decision(LeaseRef lease, Policy policy, Step step) {}
