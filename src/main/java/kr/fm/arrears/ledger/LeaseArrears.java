package kr.fm.arrears.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A lease's arrears on one date: the result of {@link ArrearsCalculator}.
 *
 * @param charges          overdue charges still unpaid, or paid late (they carry late interest), oldest first
 * @param overdueBalance   principal still owed on charges past their due date
 * @param lateInterest     지연손해금 to the as-of date, all charges, reported beside the principal
 * @param oldestUnpaidDue  due date of the oldest unpaid overdue charge, null when nothing is overdue
 * @param daysOverdue      as-of date minus that due date, 0 when nothing is overdue
 * @param overdueRent      unpaid overdue rent (차임) only: what the termination right counts
 * @param arrearsMonths    overdue rent in months of rent, two decimals
 * @param credit           payments not yet used by any charge due by the as-of date
 */
public record LeaseArrears(long leaseId, LocalDate asOf, List<ChargeLine> charges, long overdueBalance,
        long lateInterest, LocalDate oldestUnpaidDue, long daysOverdue, long overdueRent, BigDecimal arrearsMonths,
        int terminationThresholdMonths, boolean terminationThresholdReached, long credit) {

    public boolean inArrears() {
        return overdueBalance > 0;
    }

    /** One charge as the as-of date sees it. */
    public record ChargeLine(long chargeId, ChargeKind kind, LocalDate period, LocalDate dueDate, long amount,
            long vat, long paid, long outstanding, long daysOverdue, long lateInterest) {

        public long total() {
            return amount + vat;
        }
    }
}
