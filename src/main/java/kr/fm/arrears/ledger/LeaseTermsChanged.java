package kr.fm.arrears.ledger;

import java.time.YearMonth;

/** Rent, management fee or due day changed from a month on; the charges of earlier months keep theirs. */
public record LeaseTermsChanged(String actor, long leaseId, YearMonth fromMonth, Terms before, Terms after, String reason) {

    public record Terms(long monthlyRent, long managementFee, int dueDay) {}
}
