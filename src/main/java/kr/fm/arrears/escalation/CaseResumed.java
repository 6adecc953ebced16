package kr.fm.arrears.escalation;

import java.time.LocalDate;

/** A paused case was resumed before its pause ran out. */
public record CaseResumed(String actor, long caseId, long leaseId, LocalDate wasPausedUntil) {}
