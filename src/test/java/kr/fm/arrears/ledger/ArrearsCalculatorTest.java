package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC "Money and time rules", with every expected figure worked out by hand in the comments. */
class ArrearsCalculatorTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private long nextId = 1;

    private Charge charge(ChargeKind kind, String due, long amount, long vat) {
        LocalDate dueDate = d(due);
        return new Charge(nextId++, 1, kind, dueDate.withDayOfMonth(1), dueDate, amount, vat);
    }

    private Payment payment(String on, long amount) {
        return new Payment(nextId++, 1, "ref" + nextId, d(on), amount);
    }

    @Test
    void payments_go_to_the_oldest_charge_first_and_a_partial_payment_leaves_the_rest_owed() {
        // rent 1,000,000 + VAT, management fee 200,000 + VAT, due on the 10th
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, true, null, true, false);
        List<Charge> charges = List.of(
                charge(ChargeKind.RENT, "2026-01-10", 1_000_000, 100_000),
                charge(ChargeKind.MANAGEMENT_FEE, "2026-01-10", 200_000, 20_000),
                charge(ChargeKind.RENT, "2026-02-10", 1_000_000, 100_000),
                charge(ChargeKind.MANAGEMENT_FEE, "2026-02-10", 200_000, 20_000),
                charge(ChargeKind.RENT, "2026-03-10", 1_000_000, 100_000),
                charge(ChargeKind.MANAGEMENT_FEE, "2026-03-10", 200_000, 20_000));
        List<Payment> payments = List.of(payment("2026-01-10", 1_320_000), payment("2026-02-20", 500_000));

        LeaseArrears a = ArrearsCalculator.compute(terms, charges, payments, d("2026-03-31"));

        // January paid on its due date; February rent got 500,000 of 1,100,000 (rent before fee)
        assertThat(a.charges()).extracting(LeaseArrears.ChargeLine::dueDate, LeaseArrears.ChargeLine::kind,
                        LeaseArrears.ChargeLine::paid, LeaseArrears.ChargeLine::outstanding)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(d("2026-02-10"), ChargeKind.RENT, 500_000L, 600_000L),
                        org.assertj.core.groups.Tuple.tuple(d("2026-02-10"), ChargeKind.MANAGEMENT_FEE, 0L, 220_000L),
                        org.assertj.core.groups.Tuple.tuple(d("2026-03-10"), ChargeKind.RENT, 0L, 1_100_000L),
                        org.assertj.core.groups.Tuple.tuple(d("2026-03-10"), ChargeKind.MANAGEMENT_FEE, 0L, 220_000L));
        assertThat(a.overdueBalance()).isEqualTo(2_140_000);
        assertThat(a.oldestUnpaidDue()).isEqualTo(d("2026-02-10"));
        assertThat(a.daysOverdue()).isEqualTo(49); // 18 days of February + 31 of March
        // Feb rent: (500,000 × 10 days + 600,000 × 49) × 6% / 365 = 5,654.79 → 5,654
        // Feb fee: 220,000 × 49 × 6% / 365 = 1,772.05 → 1,772
        // Mar rent: 1,100,000 × 21 × 6% / 365 = 3,797.26 → 3,797; Mar fee: 220,000 × 21 × 6% / 365 = 759.45 → 759
        assertThat(a.charges()).extracting(LeaseArrears.ChargeLine::lateInterest).containsExactly(5_654L, 1_772L, 3_797L, 759L);
        assertThat(a.lateInterest()).isEqualTo(11_982);
        assertThat(a.overdueRent()).isEqualTo(1_700_000);
        assertThat(a.arrearsMonths()).isEqualByComparingTo("1.54");
        assertThat(a.terminationThresholdReached()).isFalse();
        assertThat(a.credit()).isZero();
    }

    @Test
    void contractual_rate_across_a_leap_february_uses_365_days_and_rounds_down_per_charge() {
        // 12 % a year, rent 2,000,000 without VAT, due day 31 → 31 Dec, 31 Jan, 29 Feb 2028, 31 Mar
        LeaseTerms terms = new LeaseTerms(1, 2_000_000, false, new BigDecimal("12"), true, false);
        List<Charge> charges = new ArrayList<>();
        for (String due : List.of("2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31")) {
            charges.add(charge(ChargeKind.RENT, due, 2_000_000, 0));
        }

        LeaseArrears a = ArrearsCalculator.compute(terms, charges, List.of(), d("2028-03-31"));

        // 91 days (31 + 29 + 31): 2,000,000 × 91 × 12% / 365 = 59,835.6 → 59,835
        // 60 days: 39,452.05 → 39,452; 31 days: 20,383.56 → 20,383; the charge due today is not overdue
        assertThat(a.charges()).extracting(LeaseArrears.ChargeLine::lateInterest).containsExactly(59_835L, 39_452L, 20_383L);
        assertThat(a.lateInterest()).isEqualTo(119_670);
        assertThat(a.overdueBalance()).isEqualTo(6_000_000);
        assertThat(a.daysOverdue()).isEqualTo(91);
        assertThat(a.terminationThresholdReached()).isTrue();
    }

    @Test
    void statutory_rate_is_six_percent_between_merchants_and_five_otherwise() {
        List<Charge> charges = List.of(charge(ChargeKind.RENT, "2026-01-01", 3_650_000, 0));
        // 3,650,000 × 100 days × rate / 365 = 1,000,000 × rate
        LeaseArrears merchant = ArrearsCalculator.compute(new LeaseTerms(1, 3_650_000, false, null, true, false),
                charges, List.of(), d("2026-04-11"));
        LeaseArrears civil = ArrearsCalculator.compute(new LeaseTerms(1, 3_650_000, false, null, false, false),
                charges, List.of(), d("2026-04-11"));
        assertThat(merchant.lateInterest()).isEqualTo(60_000);
        assertThat(civil.lateInterest()).isEqualTo(50_000);
    }

    @Test
    void a_charge_paid_late_still_carries_interest_up_to_and_including_the_day_it_was_paid() {
        LeaseTerms terms = new LeaseTerms(1, 3_650_000, false, null, true, false);
        List<Charge> charges = List.of(charge(ChargeKind.RENT, "2026-03-01", 3_650_000, 0));
        // paid 5 March: 2, 3, 4, 5 March = 4 days × 3,650,000 × 6% / 365 = 2,400
        LeaseArrears a = ArrearsCalculator.compute(terms, charges, List.of(payment("2026-03-05", 3_650_000)), d("2026-03-31"));
        assertThat(a.overdueBalance()).isZero();
        assertThat(a.inArrears()).isFalse();
        assertThat(a.lateInterest()).isEqualTo(2_400);
        assertThat(a.charges()).singleElement().satisfies(l -> {
            assertThat(l.outstanding()).isZero();
            assertThat(l.daysOverdue()).isZero();
        });
    }

    @Test
    void a_payment_before_the_due_date_pays_the_charge_when_it_falls_due_and_earns_no_interest() {
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, false, null, true, false);
        List<Charge> charges = List.of(charge(ChargeKind.RENT, "2026-01-01", 1_000_000, 0),
                charge(ChargeKind.RENT, "2026-02-01", 1_000_000, 0));
        LeaseArrears a = ArrearsCalculator.compute(terms, charges, List.of(payment("2025-12-20", 2_500_000)), d("2026-02-15"));
        assertThat(a.overdueBalance()).isZero();
        assertThat(a.lateInterest()).isZero();
        assertThat(a.credit()).isEqualTo(500_000);
    }

    @Test
    void one_day_overdue_is_the_day_after_the_due_date() {
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, false, null, true, false);
        List<Charge> charges = List.of(charge(ChargeKind.RENT, "2026-03-01", 1_000_000, 0));
        assertThat(ArrearsCalculator.compute(terms, charges, List.of(), d("2026-03-01")).inArrears()).isFalse();
        LeaseArrears nextDay = ArrearsCalculator.compute(terms, charges, List.of(), d("2026-03-02"));
        assertThat(nextDay.inArrears()).isTrue();
        assertThat(nextDay.daysOverdue()).isEqualTo(1);
    }

    @Test
    void the_termination_threshold_counts_unpaid_rent_by_amount_not_consecutive_months() {
        // rent 1,000,000 due on the 1st; January, March paid; February and April missed
        List<Charge> charges = new ArrayList<>();
        for (String due : List.of("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01")) {
            charges.add(charge(ChargeKind.RENT, due, 1_000_000, 0));
        }
        List<Payment> payments = List.of(payment("2026-01-01", 1_000_000), payment("2026-03-01", 1_000_000),
                payment("2026-05-01", 1_000_000));
        LeaseTerms civilCode = new LeaseTerms(1, 1_000_000, false, null, true, false);
        LeaseTerms underTheAct = new LeaseTerms(1, 1_000_000, false, null, true, true);

        // on 1 May the May charge is due, not yet overdue: 1,000,000 overdue
        assertThat(ArrearsCalculator.compute(civilCode, charges, payments, d("2026-05-01")).terminationThresholdReached()).isFalse();
        LeaseArrears may2 = ArrearsCalculator.compute(civilCode, charges, payments, d("2026-05-02"));
        assertThat(may2.overdueRent()).isEqualTo(2_000_000);
        assertThat(may2.arrearsMonths()).isEqualByComparingTo("2.00");
        assertThat(may2.terminationThresholdMonths()).isEqualTo(2);
        assertThat(may2.terminationThresholdReached()).isTrue();

        LeaseArrears act = ArrearsCalculator.compute(underTheAct, charges, payments, d("2026-05-02"));
        assertThat(act.terminationThresholdMonths()).isEqualTo(3);
        assertThat(act.terminationThresholdReached()).isFalse();
    }

    @Test
    void management_fees_do_not_count_towards_the_termination_threshold() {
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, false, null, true, false);
        List<Charge> charges = List.of(charge(ChargeKind.RENT, "2026-01-01", 1_000_000, 0),
                charge(ChargeKind.MANAGEMENT_FEE, "2026-01-01", 1_000_000, 0));
        LeaseArrears a = ArrearsCalculator.compute(terms, charges, List.of(), d("2026-01-20"));
        assertThat(a.overdueBalance()).isEqualTo(2 * terms.monthlyRentDue());
        assertThat(a.overdueRent()).isEqualTo(1_000_000);
        assertThat(a.terminationThresholdReached()).isFalse();
    }
}
