package kr.fm.arrears.bank;

import java.util.List;

/**
 * A bank statement was imported for an account: how many deposits it held, how many were new, and
 * the new ones the rules matched to a lease by themselves (each booked as a payment).
 */
public record BankStatementImported(String actor, long statementId, String account, String file, String sha256,
        String layout, int deposits, int newLines, List<Matched> matched) {

    /** A line paid to a lease, and the {@code Matcher.Rule} that chose it. */
    public record Matched(long lineId, long leaseId, String rule, long amount, long paymentId) {}
}
