package kr.fm.arrears.escalation;

import java.time.LocalDate;

/** Every instalment of a plan was paid: the plan ends kept and the same run resolves the case if nothing else is owed. */
public record PlanKept(long planId, long caseId, long leaseId, long total, LocalDate businessDate) {}
