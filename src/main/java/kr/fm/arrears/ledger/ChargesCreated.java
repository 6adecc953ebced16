package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Charges were created: one entered by hand, or a month's generated ones for many leases at once. */
public record ChargesCreated(String actor, List<Created> charges) {

    public record Created(long chargeId, long leaseId, ChargeKind kind, YearMonth period, LocalDate dueDate, long amount,
            long vat) {}
}
