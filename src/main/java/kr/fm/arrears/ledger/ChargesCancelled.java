package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.List;

/** Charges cancelled for one reason (by hand, by a terms change, by an early end): the rows stay, the balances leave them out. */
public record ChargesCancelled(String actor, String reason, List<Cancelled> charges) {

    public record Cancelled(long chargeId, long leaseId, ChargeKind kind, LocalDate period, LocalDate dueDate, long amount,
            long vat) {}
}
