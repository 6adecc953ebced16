package kr.fm.arrears.ledger;

/** A lease's 가상계좌 was set (digits only) or, with {@code null}, cleared. */
public record VirtualAccountSet(String actor, long leaseId, String virtualAccount) {}
