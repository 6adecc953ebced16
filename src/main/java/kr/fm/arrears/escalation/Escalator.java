package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.ledger.LeaseArrears;

/**
 * The escalation rules of SPEC as pure functions of a lease's state, its ladder and a date
 * (Kill Bill's "compute, then apply": the batch writer applies the step, guarded by unique keys, so
 * computing it again on a re-run is harmless).
 *
 * <p>Days count from the due date of the oldest unpaid charge. When several stages fall due at once
 * only the highest is reached and the others are skipped, so a tenant never gets three texts in a
 * morning. A case never moves down: a partial payment lowers the days overdue, not the stage.
 */
public final class Escalator {

    private Escalator() {}

    /** What one lease needs on {@code date}: the case step, else the upcoming reminder, else nothing. */
    public static Step decide(CaseState openCase, Policy policy, LeaseArrears arrears, NextDue nextDue,
            LocalDate lastReminded, LocalDate date) {
        Step step = nextStep(openCase, policy, arrears, date);
        if (step instanceof Step.Nothing && openCase == null) {
            Step remind = upcoming(policy, arrears, nextDue, lastReminded, date);
            return remind != null ? remind : step;
        }
        return step;
    }

    /** The case ladder: open, advance, resolve or nothing; {@code openCase} is null when the lease has none. */
    public static Step nextStep(CaseState openCase, Policy policy, LeaseArrears arrears, LocalDate date) {
        if (openCase == null) {
            if (!arrears.inArrears()) {
                return new Step.Nothing("연체 없음");
            }
            if (arrears.overdueBalance() < policy.minimumBalance()) {
                return new Step.Nothing("연체액 " + arrears.overdueBalance() + "원: 사다리의 최소 금액 "
                        + policy.minimumBalance() + "원 미만");
            }
            Stage target = highestDue(policy, arrears);
            return new Step.Open(target, passedOver(policy, null, target));
        }
        if (openCase.pausedOn(date)) {
            return new Step.Nothing(openCase.pausedUntil() + "까지 멈춤");
        }
        if (openCase.planned()) {
            // the plan's own check (PaymentPlans) keeps or breaks it; kept, the case resolves on the same run
            return new Step.Nothing("분할납부 약정 중");
        }
        if (!arrears.inArrears()) {
            return new Step.Resolve(openCase.caseId(), openCase.stage() != null);
        }
        if (arrears.overdueBalance() < policy.minimumBalance()) {
            // a small rest keeps the case open (it resolves at 0) but takes it no higher
            return new Step.Nothing("연체액 " + arrears.overdueBalance() + "원: 사다리의 최소 금액 "
                    + policy.minimumBalance() + "원 미만, " + openCase.stage() + " 단계에 머묾");
        }
        Stage target = highestDue(policy, arrears);
        if (target == null || openCase.stage() != null && target.compareTo(openCase.stage()) <= 0) {
            return new Step.Nothing(openCase.stage() == null ? "연체 " + arrears.daysOverdue() + "일, 아직 오를 단계 없음"
                    : openCase.stage() + " 단계에 머묾");
        }
        return new Step.Advance(openCase.caseId(), target, passedOver(policy, openCase.stage(), target));
    }

    /**
     * UPCOMING: a lease with nothing overdue gets one reminder per due date, up to the policy's days
     * before it (a run missed the day before still sends it), unless its credit already covers it.
     */
    public static Step.Remind upcoming(Policy policy, LeaseArrears arrears, NextDue nextDue, LocalDate lastReminded,
            LocalDate date) {
        Policy.StageRule rule = policy.rule(Stage.UPCOMING);
        if (!rule.enabled() || arrears.inArrears() || nextDue == null) {
            return null;
        }
        long daysBefore = ChronoUnit.DAYS.between(date, nextDue.dueDate());
        if (daysBefore < 1 || daysBefore > rule.threshold()
                || lastReminded != null && !lastReminded.isBefore(nextDue.dueDate())) {
            return null;
        }
        long amount = nextDue.amount() - arrears.credit();
        return amount > 0 ? new Step.Remind(nextDue.dueDate(), amount) : null;
    }

    /** The highest enabled case stage whose trigger the arrears meet, or null. */
    static Stage highestDue(Policy policy, LeaseArrears arrears) {
        for (int i = Stage.TERMINATION_NOTICE.ordinal(); i >= Stage.REMINDER_1.ordinal(); i--) {
            Policy.StageRule rule = policy.rules().get(i);
            if (rule.enabled() && met(rule, arrears)) {
                return rule.stage();
            }
        }
        return null;
    }

    private static boolean met(Policy.StageRule rule, LeaseArrears arrears) {
        return switch (rule.trigger()) {
            case DAYS_OVERDUE -> arrears.daysOverdue() >= rule.threshold();
            // the lease's legal minimum (2기, or 3기 under 상가건물 임대차보호법) and the ladder's own, if higher
            case RENT_MONTHS -> arrears.terminationThresholdReached()
                    && arrears.arrearsMonths().compareTo(java.math.BigDecimal.valueOf(rule.threshold())) >= 0;
            default -> false;
        };
    }

    /** Enabled case stages above {@code from} and below {@code to}: recorded as skipped, never sent. */
    private static List<Stage> passedOver(Policy policy, Stage from, Stage to) {
        List<Stage> skipped = new ArrayList<>();
        if (to == null) {
            return skipped;
        }
        for (int i = Stage.REMINDER_1.ordinal(); i < to.ordinal(); i++) {
            Policy.StageRule rule = policy.rules().get(i);
            if (rule.enabled() && (from == null || rule.stage().compareTo(from) > 0)) {
                skipped.add(rule.stage());
            }
        }
        return skipped;
    }
}
