package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.escalation.Policy.StageRule;
import kr.fm.arrears.escalation.Policy.Trigger;
import kr.fm.arrears.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void the_spec_ladder_is_valid() {
        assertThat(Policy.problems(Ladders.specRules())).isEmpty();
    }

    @Test
    void a_termination_threshold_below_two_months_rent_is_refused_as_void() {
        List<StageRule> rules = Ladders.with(new StageRule(Stage.TERMINATION_NOTICE, true, Trigger.RENT_MONTHS, 1,
                List.of(Channel.CERTIFIED_NOTICE), "termination-notice", true, true));
        assertThat(Policy.problems(rules)).extracting(InvalidInput.FieldError::field).containsExactly("rules[5].threshold");
    }

    @Test
    void stages_out_of_order_or_with_falling_days_are_refused() {
        List<StageRule> swapped = new ArrayList<>(Ladders.specRules());
        swapped.set(2, Ladders.specRules().get(3));
        swapped.set(3, Ladders.specRules().get(2));
        assertThat(Policy.problems(swapped)).extracting(InvalidInput.FieldError::field)
                .containsExactly("rules[2].stage", "rules[3].stage");

        List<StageRule> falling = Ladders.with(new StageRule(Stage.FINAL_REMINDER, true, Trigger.DAYS_OVERDUE, 5,
                List.of(Channel.SMS), "final-reminder", false, false));
        assertThat(Policy.problems(falling)).extracting(InvalidInput.FieldError::field).containsExactly("rules[3].threshold");
    }

    @Test
    void a_required_stage_cannot_be_switched_off_but_the_upcoming_reminder_can() {
        assertThat(Policy.problems(Ladders.with(new StageRule(Stage.DEMAND_NOTICE, false, Trigger.DAYS_OVERDUE, 30,
                List.of(Channel.CERTIFIED_NOTICE), "demand-notice", true, false))))
                .extracting(InvalidInput.FieldError::field).containsExactly("rules[4].enabled");
        assertThat(Policy.problems(Ladders.with(new StageRule(Stage.UPCOMING, false, Trigger.DAYS_BEFORE_DUE, 3,
                List.of(Channel.ALIMTALK), "upcoming", false, false)))).isEmpty();
    }

    @Test
    void a_notice_that_skips_approval_or_a_reminder_sent_as_a_notice_is_refused() {
        assertThat(Policy.problems(Ladders.with(new StageRule(Stage.DEMAND_NOTICE, true, Trigger.DAYS_OVERDUE, 30,
                List.of(Channel.CERTIFIED_NOTICE), "demand-notice", false, false))))
                .extracting(InvalidInput.FieldError::field).containsExactly("rules[4].needsApproval");
        assertThat(Policy.problems(Ladders.with(new StageRule(Stage.REMINDER_1, true, Trigger.DAYS_OVERDUE, 1,
                List.of(Channel.CERTIFIED_NOTICE), "reminder-1", false, false))))
                .extracting(InvalidInput.FieldError::field).containsExactly("rules[1].channels");
    }
}
