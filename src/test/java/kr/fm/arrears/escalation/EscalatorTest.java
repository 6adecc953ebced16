package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kr.fm.arrears.ledger.ArrearsCalculator;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.ChargeKind;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.ledger.Payment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC "Default escalation ladder" as a table (Kill Bill's overdue day-boundary test): a lease so
 * many days overdue on 15 June 2026, with or without an open case, lands in its stage.
 * Rent is 1,000,000 a month without VAT; one unpaid charge unless the row says more.
 */
class EscalatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Policy SPEC = Ladders.spec();

    @ParameterizedTest(name = "{0} days overdue, no case yet → open at {1}, skipping [{2}]")
    @CsvSource(delimiter = '|', value = {
            " 1 | REMINDER_1     | ",
            " 6 | REMINDER_1     | ",
            " 7 | REMINDER_2     | REMINDER_1",
            "13 | REMINDER_2     | REMINDER_1",
            "14 | FINAL_REMINDER | REMINDER_1 REMINDER_2",
            "29 | FINAL_REMINDER | REMINDER_1 REMINDER_2",
            "30 | DEMAND_NOTICE  | REMINDER_1 REMINDER_2 FINAL_REMINDER",
            // imported 40 days late: straight to the demand, the reminders recorded as skipped, not sent
            "40 | DEMAND_NOTICE  | REMINDER_1 REMINDER_2 FINAL_REMINDER"})
    void a_newly_overdue_lease_opens_a_case_at_the_highest_stage_due(int days, Stage reach, String skipped) {
        assertThat(Escalator.nextStep(null, SPEC, arrears(days, 1, false), TODAY))
                .isEqualTo(new Step.Open(reach, stages(skipped)));
    }

    @ParameterizedTest(name = "case at {0}, {1} days overdue → {2}")
    @CsvSource(delimiter = '|', value = {
            "          | 3  | REMINDER_1",
            "          | 7  | REMINDER_2",
            "REMINDER_1 | 6  | NONE",
            "REMINDER_1 | 7  | REMINDER_2",
            "REMINDER_1 | 14 | FINAL_REMINDER",
            "REMINDER_2 | 14 | FINAL_REMINDER",
            "FINAL_REMINDER | 30 | DEMAND_NOTICE",
            "DEMAND_NOTICE | 45 | NONE",
            // a partial payment paid the oldest charge: fewer days overdue, but the case never moves down
            "FINAL_REMINDER | 3 | NONE",
            "DEMAND_NOTICE | 1 | NONE"})
    void an_open_case_moves_up_only_when_a_higher_stage_falls_due(Stage current, int days, String expected) {
        Step step = Escalator.nextStep(new CaseState(7, current, null), SPEC, arrears(days, 1, false), TODAY);
        if (expected.equals("NONE")) {
            assertThat(step).isInstanceOf(Step.Nothing.class);
        } else {
            assertThat(step).isInstanceOfSatisfying(Step.Advance.class, a -> assertThat(a.reach()).isEqualTo(Stage.valueOf(expected)));
        }
    }

    @Test
    void stages_passed_over_by_an_open_case_are_skipped_not_sent() {
        assertThat(Escalator.nextStep(new CaseState(7, Stage.REMINDER_1, null), SPEC, arrears(31, 1, false), TODAY))
                .isEqualTo(new Step.Advance(7, Stage.DEMAND_NOTICE, List.of(Stage.REMINDER_2, Stage.FINAL_REMINDER)));
    }

    @Test
    void two_months_rent_unpaid_reaches_the_termination_notice_under_the_civil_code_but_not_under_the_act() {
        // rent due 15 April and 15 May unpaid: 61 days overdue, 2,000,000 = 2 months' rent
        LeaseArrears civil = arrears(61, 2, false);
        assertThat(Escalator.nextStep(new CaseState(7, Stage.DEMAND_NOTICE, null), SPEC, civil, TODAY))
                .isEqualTo(new Step.Advance(7, Stage.TERMINATION_NOTICE, List.of()));
        LeaseArrears act = arrears(61, 2, true);
        assertThat(Escalator.nextStep(new CaseState(7, Stage.DEMAND_NOTICE, null), SPEC, act, TODAY))
                .isInstanceOf(Step.Nothing.class);
        // a third month unpaid reaches the Act's 3기
        assertThat(Escalator.nextStep(new CaseState(7, Stage.DEMAND_NOTICE, null), SPEC, arrears(92, 3, true), TODAY))
                .isEqualTo(new Step.Advance(7, Stage.TERMINATION_NOTICE, List.of()));
    }

    @Test
    void a_ladder_asking_for_three_months_waits_for_the_third_even_under_the_civil_code() {
        Policy lenient = new Policy(Ladders.with(new Policy.StageRule(Stage.TERMINATION_NOTICE, true,
                Policy.Trigger.RENT_MONTHS, 3, List.of(Channel.CERTIFIED_NOTICE), "termination-notice", true, true)));
        assertThat(Escalator.nextStep(new CaseState(7, Stage.DEMAND_NOTICE, null), lenient, arrears(61, 2, false), TODAY))
                .isInstanceOf(Step.Nothing.class);
    }

    @Test
    void a_paused_case_does_nothing_through_its_last_day_and_then_climbs_to_the_stage_due() {
        LeaseArrears late = arrears(20, 1, false);
        assertThat(Escalator.nextStep(new CaseState(7, Stage.REMINDER_1, TODAY), SPEC, late, TODAY))
                .isEqualTo(new Step.Nothing("2026-06-15까지 멈춤"));
        assertThat(Escalator.nextStep(new CaseState(7, Stage.REMINDER_1, TODAY.minusDays(1)), SPEC, late, TODAY))
                .isEqualTo(new Step.Advance(7, Stage.FINAL_REMINDER, List.of(Stage.REMINDER_2)));
        // paid in full while paused: still nothing until the pause ends
        assertThat(Escalator.nextStep(new CaseState(7, Stage.REMINDER_1, TODAY), SPEC, arrears(0, 0, false), TODAY))
                .isInstanceOf(Step.Nothing.class);
    }

    @Test
    void a_paid_case_resolves_and_thanks_the_tenant_only_if_it_was_ever_told_anything() {
        assertThat(Escalator.nextStep(new CaseState(7, Stage.REMINDER_2, null), SPEC, arrears(0, 0, false), TODAY))
                .isEqualTo(new Step.Resolve(7, true));
        assertThat(Escalator.nextStep(new CaseState(7, null, null), SPEC, arrears(0, 0, false), TODAY))
                .isEqualTo(new Step.Resolve(7, false));
    }

    @Test
    void switched_off_stages_are_neither_sent_nor_recorded_as_skipped() {
        Policy noSecondReminder = new Policy(Ladders.with(new Policy.StageRule(Stage.REMINDER_2, false,
                Policy.Trigger.DAYS_OVERDUE, 7, List.of(Channel.ALIMTALK), "reminder-2", false, false)));
        assertThat(Escalator.nextStep(null, noSecondReminder, arrears(10, 1, false), TODAY))
                .isEqualTo(new Step.Open(Stage.REMINDER_1, List.of()));
        assertThat(Escalator.nextStep(null, noSecondReminder, arrears(14, 1, false), TODAY))
                .isEqualTo(new Step.Open(Stage.FINAL_REMINDER, List.of(Stage.REMINDER_1)));
    }

    @ParameterizedTest(name = "due in {0} days, reminded before for {1}, credit {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "3 |            | 0         | 1000000",
            "4 |            | 0         | NONE",
            // the run the day before was missed: the reminder still goes, once
            "2 |            | 0         | 1000000",
            "2 | 2026-06-18 | 0         | NONE",
            "0 |            | 0         | NONE",
            "3 |            | 400000    | 600000",
            "3 |            | 1000000   | NONE"})
    void the_upcoming_reminder_goes_once_per_due_date_within_three_days_of_it(int inDays, LocalDate reminded, long credit,
            String expected) {
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, false, null, true, false);
        List<Payment> paid = credit == 0 ? List.of() : List.of(new Payment(1, 1, "p", TODAY.minusDays(1), credit));
        LeaseArrears nothingOverdue = ArrearsCalculator.compute(terms, List.of(), paid, TODAY);
        Step.Remind remind = Escalator.upcoming(SPEC, nothingOverdue, new NextDue(TODAY.plusDays(inDays), 1_000_000),
                reminded, TODAY);
        if (expected.equals("NONE")) {
            assertThat(remind).isNull();
        } else {
            assertThat(remind).isEqualTo(new Step.Remind(TODAY.plusDays(inDays), Long.parseLong(expected)));
        }
    }

    @Test
    void a_lease_in_arrears_gets_its_case_step_not_a_friendly_reminder() {
        Step step = Escalator.decide(null, SPEC, arrears(1, 1, false), new NextDue(TODAY.plusDays(2), 1_000_000), null, TODAY);
        assertThat(step).isInstanceOf(Step.Open.class);
    }

    /** Rent charges of 1,000,000: {@code unpaid} of them, the oldest {@code days} overdue, one a month after it. */
    @ParameterizedTest(name = "{0}원 left of a 1,000,000원 rent 20 days overdue → {1}")
    @CsvSource(delimiter = '|', value = {
            "9999  | NOTHING",
            "10000 | FINAL_REMINDER",
            "1     | NOTHING"})
    void arrears_below_the_ladders_minimum_balance_take_no_stage(long owed, String expected) {
        // one charge due 20 days ago, paid but for `owed` won (a bank fee kept back, say)
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, false, null, true, false);
        LocalDate due = TODAY.minusDays(20);
        LeaseArrears a = ArrearsCalculator.compute(terms, List.of(new Charge(1, 1, ChargeKind.RENT, due.withDayOfMonth(1), due,
                1_000_000, 0)), List.of(new Payment(1, 1, "B-1", due, 1_000_000 - owed)), TODAY);

        Step opened = Escalator.nextStep(null, SPEC, a, TODAY);
        Step open = Escalator.nextStep(new CaseState(7, Stage.REMINDER_1, null), SPEC, a, TODAY);

        if (expected.equals("NOTHING")) {
            assertThat(opened).isInstanceOf(Step.Nothing.class);
            assertThat(((Step.Nothing) opened).why()).contains("사다리의 최소 금액 10000원 미만");
            assertThat(open).as("an open case stays where it is").isInstanceOf(Step.Nothing.class);
        } else {
            assertThat(opened).isEqualTo(new Step.Open(Stage.FINAL_REMINDER, List.of(Stage.REMINDER_1, Stage.REMINDER_2)));
            assertThat(open).isEqualTo(new Step.Advance(7, Stage.FINAL_REMINDER, List.of(Stage.REMINDER_2)));
        }
        assertThat(Escalator.nextStep(null, new Policy(SPEC.rules(), 0), a, TODAY)).as("a ladder may set 0")
                .isInstanceOf(Step.Open.class);
    }

    private static LeaseArrears arrears(int days, int unpaid, boolean act) {
        LeaseTerms terms = new LeaseTerms(1, 1_000_000, false, null, true, act);
        List<Charge> charges = new ArrayList<>();
        LocalDate oldest = TODAY.minusDays(days);
        for (int i = 0; i < unpaid; i++) {
            LocalDate due = oldest.plusMonths(i);
            charges.add(new Charge(i + 1, 1, ChargeKind.RENT, due.withDayOfMonth(1), due, 1_000_000, 0));
        }
        LeaseArrears a = ArrearsCalculator.compute(terms, charges, List.of(), TODAY);
        assertThat(a.daysOverdue()).isEqualTo(unpaid == 0 ? 0 : days);
        return a;
    }

    private static List<Stage> stages(String names) {
        return names == null ? List.of() : Arrays.stream(names.trim().split("\\s+")).map(Stage::valueOf).toList();
    }
}
