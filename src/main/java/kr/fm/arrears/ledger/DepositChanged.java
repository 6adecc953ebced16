package kr.fm.arrears.ledger;

/** The deposit (보증금) held for a lease corrected. */
public record DepositChanged(String actor, long leaseId, long from, long to, String reason) {}
