package kr.fm.arrears.escalation;

import static kr.fm.arrears.escalation.Channel.ALIMTALK;
import static kr.fm.arrears.escalation.Channel.CERTIFIED_NOTICE;
import static kr.fm.arrears.escalation.Channel.EMAIL;
import static kr.fm.arrears.escalation.Channel.SMS;

import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.escalation.Policy.StageRule;
import kr.fm.arrears.escalation.Policy.Trigger;

/** SPEC's default ladder written out for the pure tests (the service reads it from the migration's seed). */
final class Ladders {

    private Ladders() {}

    static List<StageRule> specRules() {
        return List.of(
                new StageRule(Stage.UPCOMING, true, Trigger.DAYS_BEFORE_DUE, 3, List.of(ALIMTALK), "upcoming", false, false),
                new StageRule(Stage.REMINDER_1, true, Trigger.DAYS_OVERDUE, 1, List.of(ALIMTALK, EMAIL), "reminder-1", false, false),
                new StageRule(Stage.REMINDER_2, true, Trigger.DAYS_OVERDUE, 7, List.of(ALIMTALK, EMAIL), "reminder-2", false, false),
                new StageRule(Stage.FINAL_REMINDER, true, Trigger.DAYS_OVERDUE, 14, List.of(SMS, EMAIL), "final-reminder", false, false),
                new StageRule(Stage.DEMAND_NOTICE, true, Trigger.DAYS_OVERDUE, 30, List.of(CERTIFIED_NOTICE), "demand-notice", true, false),
                new StageRule(Stage.TERMINATION_NOTICE, true, Trigger.RENT_MONTHS, 2, List.of(CERTIFIED_NOTICE), "termination-notice", true, true),
                new StageRule(Stage.RESOLVED, true, Trigger.BALANCE_ZERO, 0, List.of(ALIMTALK), "resolved", false, false));
    }

    static Policy spec() {
        return new Policy(specRules());
    }

    /** The SPEC ladder with one rule changed. */
    static List<StageRule> with(StageRule changed) {
        List<StageRule> rules = new ArrayList<>(specRules());
        rules.set(changed.stage().ordinal(), changed);
        return rules;
    }
}
