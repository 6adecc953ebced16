package kr.fm.arrears.ledger;

/** A payment booked to the wrong lease, reversed there and booked again to {@code toLeaseId} as {@code toPaymentId}. */
public record PaymentRebooked(String actor, long fromPaymentId, long fromLeaseId, long toPaymentId, long toLeaseId,
        long amount, String reason) {}
