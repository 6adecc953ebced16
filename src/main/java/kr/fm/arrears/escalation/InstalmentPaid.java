package kr.fm.arrears.escalation;

import java.time.LocalDate;

/**
 * The run of {@code businessDate} found instalment {@code no} of a plan covered: what the lease paid
 * since the plan started reached the instalments' running total ({@code cumulative}).
 */
public record InstalmentPaid(long planId, long caseId, long leaseId, int no, int of, LocalDate dueDate, long amount,
        long cumulative, long paidSinceStart, LocalDate businessDate) {}
