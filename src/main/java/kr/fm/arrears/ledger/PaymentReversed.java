package kr.fm.arrears.ledger;

/** A payment was reversed: it stays on file and counts for nothing from then on. */
public record PaymentReversed(String actor, long paymentId, long leaseId, String reason) {}
