package kr.fm.arrears.escalation;

import java.util.List;

/**
 * A ladder was replaced ({@code rules} as given, {@code minimumBalance} and {@code planGraceDays} null when kept), or, with
 * {@code removed}, a landlord's or building's own ladder was dropped (rules then null).
 */
public record PolicyChanged(String actor, Policies.Scope scope, List<Policy.StageRule> rules, Long minimumBalance,
        Integer planGraceDays, boolean removed) {

    public PolicyChanged(String actor, Policies.Scope scope, List<Policy.StageRule> rules, Long minimumBalance, boolean removed) {
        this(actor, scope, rules, minimumBalance, null, removed);
    }
}
