package kr.fm.arrears.ledger;

import java.time.YearMonth;
import java.util.List;

/** A month's charges were not made for these leases, and why (terms beyond every bound). */
public record ChargeGenerationFailed(String actor, YearMonth period, List<Long> leaseIds, String reason) {}
