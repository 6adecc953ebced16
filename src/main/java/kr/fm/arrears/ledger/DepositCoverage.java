package kr.fm.arrears.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * SPEC "Deposit coverage (보증금)": the deposit secures the rent, and what is owed is deducted from it
 * when the lease ends. Beside the arrears: the deposit held, what is owed (overdue principal plus late
 * interest), what would remain, and how many months of the full monthly charge (rent and management fee,
 * VAT included) that still covers. {@code flagged} once the owed amount reaches {@code flagPercent}
 * of the deposit (50% unless set otherwise): the landlord's security is thinning.
 */
public record DepositCoverage(long deposit, long owed, long remaining, BigDecimal monthsCovered, long monthlyCharge,
        boolean flagged, int flagPercent) {

    public static final int DEFAULT_FLAG_PERCENT = 50;

    public static DepositCoverage of(long deposit, LeaseArrears arrears, long monthlyRent, long managementFee,
            boolean vatApplies, int flagPercent) {
        long owed = Math.addExact(arrears.overdueBalance(), arrears.lateInterest());
        long remaining = Math.subtractExact(deposit, owed);
        long monthly = Math.addExact(Vat.included(monthlyRent, vatApplies), Vat.included(managementFee, vatApplies));
        BigDecimal months = remaining <= 0 || monthly == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(remaining).divide(BigDecimal.valueOf(monthly), 2, RoundingMode.FLOOR);
        // owed ≥ deposit × percent / 100, in whole numbers: no rounding decides the flag
        boolean flagged = deposit > 0 ? Math.multiplyExact(owed, 100) >= Math.multiplyExact(deposit, flagPercent) : owed > 0;
        return new DepositCoverage(deposit, owed, remaining, months, monthly, flagged, flagPercent);
    }

    public static DepositCoverage of(LedgerViews.LeaseSummary lease, LeaseArrears arrears, int flagPercent) {
        return of(lease.deposit(), arrears, lease.monthlyRent(), lease.managementFee(), lease.vatApplies(), flagPercent);
    }
}
