package kr.fm.arrears.ledger;

import java.math.BigDecimal;

/** What the arrears rules need to know of a lease. */
public record LeaseTerms(long leaseId, long monthlyRent, boolean vatApplies, BigDecimal contractualRatePercent,
        boolean merchant, boolean commercialAct) {

    static final BigDecimal COMMERCIAL_RATE = new BigDecimal("0.06"); // 상법 제54조
    static final BigDecimal CIVIL_RATE = new BigDecimal("0.05");      // 민법 제379조

    /** Annual late-interest rate as a fraction: the contract's if set, else the statutory one. */
    public BigDecimal annualRate() {
        if (contractualRatePercent != null) {
            return contractualRatePercent.movePointLeft(2);
        }
        return merchant ? COMMERCIAL_RATE : CIVIL_RATE;
    }

    /** A month's rent as charged, VAT included: the unit of "months of rent". */
    public long monthlyRentDue() {
        return Vat.included(monthlyRent, vatApplies);
    }

    /** 2기의 차임액 (민법 제640조), or 3기 under 상가건물 임대차보호법 제10조의8. */
    public int terminationMonths() {
        return commercialAct ? 3 : 2;
    }
}
