package kr.fm.arrears.ledger;

import java.time.LocalDate;

/** One amount due on one date. {@code amount} is the supply amount; VAT is shown apart and due with it. */
public record Charge(long id, long leaseId, ChargeKind kind, LocalDate period, LocalDate dueDate, long amount, long vat) {

    public long total() {
        return amount + vat;
    }
}
