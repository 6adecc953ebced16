package kr.fm.arrears.bank;

/** A person decided a deposit is not rent (a refund, interest …); it never reaches a ledger. */
public record BankLineNotRent(String actor, long lineId, String reason, long amount, String payer) {}
