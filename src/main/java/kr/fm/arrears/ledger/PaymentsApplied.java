package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.List;

/** Payments were recorded: those new to the ledger, a bank statement's worth at a time. */
public record PaymentsApplied(String actor, List<Applied> payments) {

    public record Applied(long paymentId, long leaseId, String bankReference, LocalDate paidOn, long amount) {}
}
