package kr.fm.arrears.bank;

import java.util.List;

/** A line's matching was undone: these payments of it were reversed and the line waits for a person again. */
public record BankLineReversed(String actor, long lineId, String reason, long amount, List<Reversed> payments) {

    public record Reversed(long paymentId, long leaseId) {}
}
