package kr.fm.arrears.ledger;

import org.springframework.stereotype.Component;

/**
 * The configured share of the deposit ({@code arrears.deposit.flag-percent}) at which a lease's
 * deposit coverage is flagged, for every reader (API, board, portal): one setting, one place.
 */
@Component
public class DepositFlag {

    private final int percent;

    DepositFlag(LedgerSettings settings) {
        this.percent = settings.deposit().flagPercent();
    }

    public int percent() {
        return percent;
    }

    /** What the deposit still covers of these arrears, flagged by the configured share. */
    public DepositCoverage of(LedgerViews.LeaseSummary lease, LeaseArrears arrears) {
        return DepositCoverage.of(lease, arrears, percent);
    }
}
