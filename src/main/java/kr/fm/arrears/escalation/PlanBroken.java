package kr.fm.arrears.escalation;

import java.time.LocalDate;

/**
 * Instalment {@code no} was not fully paid by its date + the grace days: the plan is broken on
 * {@code businessDate} and the case climbs the ladder again from {@code stage}, the stage it had.
 *
 * @param shortfall what was missing of the instalments due by then
 */
public record PlanBroken(long planId, long caseId, long leaseId, long landlordId, int no, LocalDate dueDate,
        long shortfall, Stage stage, LocalDate businessDate) {}
