package kr.fm.arrears.escalation;

import kr.fm.arrears.ledger.LeaseArrears;

/**
 * The step for one lease, with the ladder it was decided by and the arrears it was decided on
 * (null when the lease needed no computing: nothing overdue, no case, no due date near).
 */
public record Decision(LeaseRef lease, Policy policy, Step step, LeaseArrears arrears) {}
