package kr.fm.arrears.ledger;

import java.time.YearMonth;

/**
 * A synthetic portfolio was written into the ledger's tables by the operator tool (its rows are not
 * audited one by one); the benchmark finds the run by this event.
 */
public record PortfolioGenerated(String actor, long seed, int leases, long charges, long payments, YearMonth through,
        int firstLandlordLeases) {}
