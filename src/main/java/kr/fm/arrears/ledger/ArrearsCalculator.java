package kr.fm.arrears.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The money rules of SPEC as a pure function of a lease's charges, payments and a date.
 *
 * <p>Payments pay principal only, oldest due date first (rent, then management fee, then
 * utilities within a day); a payment made before a due date pays that charge when it falls due.
 * Late interest accrues on each charge's unpaid part for every day after the due date up to and
 * including the day it is paid (or the as-of date): unpaid × rate / 365, summed per charge and
 * then rounded down to the won.
 */
public final class ArrearsCalculator {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365); // leap years too
    static final Comparator<Charge> PAYMENT_ORDER = Comparator.comparing(Charge::dueDate)
            .thenComparing(Charge::kind)
            .thenComparingLong(Charge::id);

    private ArrearsCalculator() {}

    /**
     * Sums use checked arithmetic: amounts are bounded at entry ({@code Won.MAX}), but a row written
     * around the checks must fail loudly (a run error for its lease), never wrap into a wrong balance.
     */
    public static LeaseArrears compute(LeaseTerms terms, List<Charge> charges, List<Payment> payments, LocalDate asOf) {
        List<Charge> due = charges.stream().filter(c -> !c.dueDate().isAfter(asOf)).sorted(PAYMENT_ORDER).toList();
        List<Payment> paid = payments.stream().filter(p -> !p.paidOn().isAfter(asOf))
                .sorted(Comparator.comparing(Payment::paidOn).thenComparingLong(Payment::id)).toList();
        BigDecimal rate = terms.annualRate();

        List<LeaseArrears.ChargeLine> lines = new ArrayList<>();
        long overdueBalance = 0;
        long overdueRent = 0;
        long totalInterest = 0;
        LocalDate oldestUnpaid = null;

        int p = 0;
        long leftInPayment = paid.isEmpty() ? 0 : paid.get(0).amount();
        for (Charge charge : due) {
            long unpaid = charge.total();
            long wonDays = 0; // Σ unpaid won × days it stayed unpaid: interest is this × rate / 365
            while (unpaid > 0 && p < paid.size()) {
                long portion = Math.min(unpaid, leftInPayment);
                LocalDate paidOn = paid.get(p).paidOn();
                wonDays = Math.addExact(wonDays, Math.multiplyExact(portion, Math.max(0, ChronoUnit.DAYS.between(charge.dueDate(), paidOn))));
                unpaid -= portion;
                leftInPayment -= portion;
                if (leftInPayment == 0 && ++p < paid.size()) {
                    leftInPayment = paid.get(p).amount();
                }
            }
            long days = ChronoUnit.DAYS.between(charge.dueDate(), asOf);
            wonDays = Math.addExact(wonDays, Math.multiplyExact(unpaid, days));
            long interest = BigDecimal.valueOf(wonDays).multiply(rate).divide(DAYS_PER_YEAR, 0, RoundingMode.FLOOR)
                    .longValueExact();
            totalInterest = Math.addExact(totalInterest, interest);
            boolean overdue = days > 0;
            if (overdue && unpaid > 0) {
                overdueBalance = Math.addExact(overdueBalance, unpaid);
                if (charge.kind() == ChargeKind.RENT) {
                    overdueRent = Math.addExact(overdueRent, unpaid);
                }
                if (oldestUnpaid == null) {
                    oldestUnpaid = charge.dueDate();
                }
            }
            if (overdue && (unpaid > 0 || interest > 0)) {
                lines.add(new LeaseArrears.ChargeLine(charge.id(), charge.kind(), charge.period(), charge.dueDate(),
                        charge.amount(), charge.vat(), charge.total() - unpaid, unpaid, unpaid > 0 ? days : 0, interest));
            }
        }
        long credit = p < paid.size() ? leftInPayment + paid.subList(p + 1, paid.size()).stream()
                .mapToLong(Payment::amount).reduce(0, Math::addExact) : 0;
        long monthlyRent = terms.monthlyRentDue();
        BigDecimal months = monthlyRent == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(overdueRent).divide(BigDecimal.valueOf(monthlyRent), 2, RoundingMode.FLOOR);
        // it is the amount that counts, not consecutive months
        boolean thresholdReached = monthlyRent > 0 && overdueRent >= Math.multiplyExact(terms.terminationMonths(), monthlyRent);
        return new LeaseArrears(terms.leaseId(), asOf, List.copyOf(lines), overdueBalance, totalInterest, oldestUnpaid,
                oldestUnpaid == null ? 0 : ChronoUnit.DAYS.between(oldestUnpaid, asOf), overdueRent, months,
                terms.terminationMonths(), thresholdReached, credit);
    }
}
