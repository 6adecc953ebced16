package kr.fm.arrears.bank;

/**
 * A person paid a whole deposit to one lease; {@code learnedAlias} is the payer text the lease learned
 * from it, null when it learned none.
 */
public record BankLineAssigned(String actor, long lineId, long leaseId, long amount, String payer, boolean teachAlias,
        String learnedAlias) {}
