package kr.fm.arrears.bank;

/** A person taught a lease a payer text (stored normalised as {@code alias}) with a reason. */
public record PayerAliasAdded(String actor, long leaseId, String payer, String alias, String reason) {}
