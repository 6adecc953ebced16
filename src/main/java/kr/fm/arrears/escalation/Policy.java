package kr.fm.arrears.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.fm.arrears.shared.InvalidInput;

/**
 * An escalation ladder: one rule per {@link Stage}, in ladder order. The default comes from SPEC
 * (seeded by migration); a landlord or a building may have its own.
 */
public record Policy(List<StageRule> rules, long minimumBalance, int planGraceDays) {

    /** SPEC: overdue arrears below this take no stage (10,000원 unless the ladder sets another). */
    public static final long DEFAULT_MINIMUM_BALANCE = 10_000;
    /** SPEC "Payment plans": an instalment unpaid this many days after its date breaks the plan. */
    public static final int DEFAULT_PLAN_GRACE_DAYS = 3;
    public static final int MAX_PLAN_GRACE_DAYS = 30;

    public Policy(List<StageRule> rules) {
        this(rules, DEFAULT_MINIMUM_BALANCE);
    }

    public Policy(List<StageRule> rules, long minimumBalance) {
        this(rules, minimumBalance, DEFAULT_PLAN_GRACE_DAYS);
    }

    /** The field error of grace days out of bounds, or null. */
    public static InvalidInput.FieldError planGraceDaysProblem(Integer days) {
        return days != null && (days < 0 || days > MAX_PLAN_GRACE_DAYS)
                ? new InvalidInput.FieldError("planGraceDays", days, "0일부터 " + MAX_PLAN_GRACE_DAYS + "일 사이여야 합니다") : null;
    }

    /** What sets a stage off; each stage has exactly one kind (see {@link #expected(Stage)}). */
    public enum Trigger { DAYS_BEFORE_DUE, DAYS_OVERDUE, RENT_MONTHS, BALANCE_ZERO }

    /**
     * @param threshold days before the due date, days overdue, or months of unpaid rent, by trigger
     * @param template  base name of the stage's templates ("reminder-1"); messaging and notices add the rest
     */
    public record StageRule(Stage stage, boolean enabled, Trigger trigger, int threshold, List<Channel> channels,
            String template, boolean needsApproval, boolean needsLandlordConsent) {}

    /** 2기의 차임액 (민법 제640조): a lower threshold would be void (민법 제652조). The Act's 3 is enforced per lease. */
    public static final int LEGAL_MINIMUM_RENT_MONTHS = 2;
    private static final List<Stage> REQUIRED =
            List.of(Stage.REMINDER_1, Stage.DEMAND_NOTICE, Stage.TERMINATION_NOTICE, Stage.RESOLVED);
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Policy {
        rules = List.copyOf(rules);
    }

    /** The field error of a minimum balance out of bounds, or null. */
    public static InvalidInput.FieldError minimumBalanceProblem(Long minimumBalance) {
        return minimumBalance != null && (minimumBalance < 0 || minimumBalance > kr.fm.arrears.shared.Won.MAX)
                ? new InvalidInput.FieldError("minimumBalance", minimumBalance, "0원부터 1,000억원 사이여야 합니다") : null;
    }

    public StageRule rule(Stage stage) {
        return rules.get(stage.ordinal());
    }

    public static Trigger expected(Stage stage) {
        return switch (stage) {
            case UPCOMING -> Trigger.DAYS_BEFORE_DUE;
            case TERMINATION_NOTICE -> Trigger.RENT_MONTHS;
            case RESOLVED -> Trigger.BALANCE_ZERO;
            default -> Trigger.DAYS_OVERDUE;
        };
    }

    /**
     * Every rule that breaks the ladder, naming its field ({@code rules[2].threshold}); empty when valid.
     * Stages come once each, in order; day thresholds rise with the stages; only UPCOMING, REMINDER_2
     * and FINAL_REMINDER may be switched off; certified notices always wait for a MANAGER's approval.
     */
    public static List<InvalidInput.FieldError> problems(List<StageRule> rules) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (rules == null || rules.size() != Stage.values().length) {
            errors.add(new InvalidInput.FieldError("rules", rules == null ? null : rules.size(),
                    Stage.values().length + "개 단계 " + List.of(Stage.values()) + "를 모두 적어야 합니다"));
            return errors;
        }
        int lastDays = 0;
        for (int i = 0; i < rules.size(); i++) {
            StageRule r = rules.get(i);
            String at = "rules[" + i + "].";
            Stage stage = Stage.values()[i];
            if (r.stage() != stage) {
                errors.add(new InvalidInput.FieldError(at + "stage", r.stage(), stage + "여야 합니다: 단계는 사다리 순서대로 한 번씩 옵니다"));
                continue;
            }
            if (!r.enabled() && REQUIRED.contains(stage)) {
                errors.add(new InvalidInput.FieldError(at + "enabled", false, "끌 수 없습니다: " + stage + "는 꼭 있어야 하는 단계입니다"));
            }
            if (r.trigger() != expected(stage)) {
                errors.add(new InvalidInput.FieldError(at + "trigger", r.trigger(), stage + "의 조건은 " + expected(stage) + "여야 합니다"));
            } else if (r.trigger() == Trigger.DAYS_BEFORE_DUE && (r.threshold() < 1 || r.threshold() > 27)) {
                errors.add(new InvalidInput.FieldError(at + "threshold", r.threshold(), "납부일 1~27일 전이어야 합니다"));
            } else if (r.trigger() == Trigger.DAYS_OVERDUE && r.enabled()) {
                if (r.threshold() <= lastDays) {
                    errors.add(new InvalidInput.FieldError(at + "threshold", r.threshold(),
                            "앞 단계(" + lastDays + "일)보다 연체일이 많아야 합니다"));
                }
                lastDays = Math.max(lastDays, r.threshold());
            } else if (r.trigger() == Trigger.RENT_MONTHS && r.threshold() < LEGAL_MINIMUM_RENT_MONTHS) {
                errors.add(new InvalidInput.FieldError(at + "threshold", r.threshold(), "차임 "
                        + LEGAL_MINIMUM_RENT_MONTHS + "기분 이상이어야 합니다: 법이 정한 최소입니다 (민법 제640조, 제652조)"));
            }
            if (r.channels() == null || r.channels().isEmpty()) {
                errors.add(new InvalidInput.FieldError(at + "channels", r.channels(), "채널을 하나 이상 적어야 합니다"));
            } else if (stage.isNotice() != r.channels().contains(Channel.CERTIFIED_NOTICE)) {
                errors.add(new InvalidInput.FieldError(at + "channels", r.channels(), stage.isNotice()
                        ? stage + "에는 CERTIFIED_NOTICE가 있어야 합니다" : "CERTIFIED_NOTICE는 통지서 단계에만 쓸 수 있습니다"));
            }
            if (r.template() == null || !TEMPLATE.matcher(r.template()).matches()) {
                errors.add(new InvalidInput.FieldError(at + "template", r.template(), "reminder-1 같은 템플릿 이름이어야 합니다"));
            }
            if (stage.isNotice() && !r.needsApproval()) {
                errors.add(new InvalidInput.FieldError(at + "needsApproval", false, "true여야 합니다: 통지서는 담당자 승인 없이 나가지 않습니다"));
            }
        }
        return errors;
    }
}
