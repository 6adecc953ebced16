package kr.fm.arrears.escalation;

import java.time.LocalDate;

/** A MANAGER paused a case: it sends nothing up to and including {@code until}. */
public record CasePaused(String actor, long caseId, long leaseId, LocalDate until, String reason) {}
