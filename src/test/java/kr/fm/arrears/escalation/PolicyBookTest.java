package kr.fm.arrears.escalation;

import static kr.fm.arrears.escalation.Channel.ALIMTALK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.fm.arrears.escalation.Policy.StageRule;
import kr.fm.arrears.escalation.Policy.Trigger;
import org.junit.jupiter.api.Test;

class PolicyBookTest {

    private static Policy upcoming(boolean enabled, int daysBefore) {
        return new Policy(Ladders.with(new StageRule(Stage.UPCOMING, enabled, Trigger.DAYS_BEFORE_DUE, daysBefore,
                List.of(ALIMTALK), "upcoming", false, false)));
    }

    @Test
    void the_run_looks_as_far_ahead_as_the_ladder_reminding_earliest_whoever_it_belongs_to() {
        assertThat(new PolicyBook(Ladders.spec(), Map.of(), Map.of()).upcomingDaysAtMost()).isEqualTo(3);
        assertThat(new PolicyBook(Ladders.spec(), Map.of(7L, upcoming(true, 10)), Map.of()).upcomingDaysAtMost()).isEqualTo(10);
        assertThat(new PolicyBook(Ladders.spec(), Map.of(), Map.of(9L, upcoming(true, 27))).upcomingDaysAtMost()).isEqualTo(27);
    }

    @Test
    void a_ladder_with_the_friendly_reminder_switched_off_does_not_widen_the_window() {
        assertThat(new PolicyBook(upcoming(false, 3), Map.of(7L, upcoming(false, 20)), Map.of()).upcomingDaysAtMost())
                .isZero();
        assertThat(new PolicyBook(upcoming(false, 3), Map.of(), Map.of(9L, upcoming(true, 5))).upcomingDaysAtMost())
                .isEqualTo(5);
    }
}
