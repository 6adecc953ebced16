package kr.fm.arrears.escalation;

import java.util.List;

/**
 * A ladder was replaced ({@code rules} as given, {@code minimumBalance} null when kept), or, with
 * {@code removed}, a landlord's or building's own ladder was dropped (rules then null).
 */
public record PolicyChanged(String actor, Policies.Scope scope, List<Policy.StageRule> rules, Long minimumBalance,
        boolean removed) {}
