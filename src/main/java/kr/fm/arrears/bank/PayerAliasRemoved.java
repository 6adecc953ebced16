package kr.fm.arrears.bank;

/** A payer alias a lease had learned, withdrawn with a reason (a wrong teaching, a payer who changed). */
public record PayerAliasRemoved(String actor, long leaseId, String alias, String reason) {}
