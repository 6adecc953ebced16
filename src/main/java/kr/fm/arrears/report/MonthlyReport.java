package kr.fm.arrears.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One landlord's month as the report states it (docs/reports.md defines each figure). Money in won.
 *
 * @param asOf the month's last day: what is open, and the last point of the balance series
 */
public record MonthlyReport(long landlordId, String landlordName, YearMonth month, LocalDate asOf,
        List<StageCount> reminders, long noticesDispatched, long noticesDelivered, long casesOpened, long casesResolved,
        long collected, long collectedAfterReminder, long collectedAfterNotice, List<BuildingOpen> open,
        List<MonthPoint> overdueBalance, List<RatePoint> collectionRate, kr.fm.arrears.escalation.PaymentPlans.Tally plans) {

    /** Reminders of one stage that left in the month, and of them those the provider reported delivered. */
    public record StageCount(String stage, String label, long sent, long delivered) {}

    /** A building's leases in arrears at the month's end. */
    public record BuildingOpen(String building, List<OpenLease> leases) {
        public long balance() {
            return leases.stream().mapToLong(OpenLease::balance).sum();
        }
    }

    /**
     * @param depositRemaining what the deposit still covers after the balance and interest (may be negative)
     * @param nextStep         the ladder's next step as the month ended, null when none is due within two months
     */
    public record OpenLease(String leaseCode, String tenantName, String units, long balance, long lateInterest,
            BigDecimal months, long deposit, long depositRemaining, BigDecimal depositMonths, boolean depositFlagged,
            String nextStep, LocalDate nextOn) {}

    /** The overdue balance (principal) of the landlord's leases at a month's last day. */
    public record MonthPoint(YearMonth month, long amount) {}

    /** Collected in the month over the charges due in it; {@code percent} null when nothing fell due. */
    public record RatePoint(YearMonth month, long collected, long due, Integer percent) {}

    public long totalOpen() {
        return open.stream().mapToLong(BuildingOpen::balance).sum();
    }

    public long remindersSent() {
        return reminders.stream().mapToLong(StageCount::sent).sum();
    }
}
