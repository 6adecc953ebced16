package kr.fm.arrears.bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which lease a deposit pays, by SPEC's rules in order: (a) the lease's 가상계좌; (b) a payer alias the
 * lease has learned; (c) the tenant's normalised name, unique among the landlord's leases active that
 * day, with an amount equal to the overdue balance or the monthly total. Anything else is left to a
 * person, with suggestions ranked by the same rules. Pure: the caller supplies the leases, the aliases
 * and the overdue balances.
 */
public final class Matcher {

    public enum Rule { VIRTUAL_ACCOUNT, ALIAS, TENANT_NAME, MANUAL }

    /** A lease of the landlord as the rules see it. */
    public record Lease(long leaseId, String code, String tenantName, long monthlyTotal, String virtualAccount,
            LocalDate start, LocalDate end) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    public record Suggestion(long leaseId, Rule rule, String why) {}

    /** MATCHED with the lease and rule, or AMBIGUOUS / UNMATCHED with what a person might choose. */
    public record Decision(LineState state, Rule rule, Long leaseId, List<Suggestion> suggestions) {

        static Decision matched(Rule rule, long leaseId, String why) {
            return new Decision(LineState.MATCHED, rule, leaseId, List.of(new Suggestion(leaseId, rule, why)));
        }
    }

    private static final int SUGGESTIONS = 5;

    private final Map<Long, Lease> leases = new LinkedHashMap<>();
    private final Map<String, Lease> byVirtualAccount = new HashMap<>();
    private final Map<String, List<Lease>> byName = new HashMap<>();
    private final Map<String, List<Long>> byAlias;

    /** @param aliases normalised payer text → leases that learned it */
    public Matcher(List<Lease> leases, Map<String, List<Long>> aliases) {
        for (Lease l : leases) {
            this.leases.put(l.leaseId(), l);
            if (l.virtualAccount() != null) {
                byVirtualAccount.put(l.virtualAccount(), l);
            }
            byName.computeIfAbsent(PayerNames.key(l.tenantName()), k -> new ArrayList<>()).add(l);
        }
        this.byAlias = aliases;
    }

    public Optional<Lease> lease(long leaseId) {
        return Optional.ofNullable(leases.get(leaseId));
    }

    /** The lease whose overdue balance on the deposit's day would decide rule (c), if any. */
    public Optional<Long> needsOverdue(Deposit d) {
        if (viaAccount(d).isPresent() || !aliased(d).isEmpty()) {
            return Optional.empty();
        }
        List<Lease> named = named(d);
        return named.size() == 1 && named.get(0).monthlyTotal() != d.amount() ? Optional.of(named.get(0).leaseId())
                : Optional.empty();
    }

    /** @param overdue overdue balances on the deposit's day of the leases {@link #needsOverdue} named */
    public Decision decide(Deposit d, Map<Long, Long> overdue) {
        Optional<Lease> va = viaAccount(d);
        if (va.isPresent()) {
            return Decision.matched(Rule.VIRTUAL_ACCOUNT, va.get().leaseId(), "가상계좌 " + d.virtualAccount());
        }
        List<Long> aliased = aliased(d);
        if (aliased.size() == 1) {
            return Decision.matched(Rule.ALIAS, aliased.get(0), "입금자명 '" + d.payer() + "'을(를) 이 계약의 입금자로 배움");
        }
        List<Suggestion> suggestions = new ArrayList<>();
        aliased.forEach(id -> suggestions.add(new Suggestion(id, Rule.ALIAS, "같은 입금자명을 배운 계약이 여럿")));
        List<Lease> named = named(d);
        if (aliased.isEmpty() && named.size() == 1) {
            Lease l = named.get(0);
            Long owed = overdue.get(l.leaseId());
            if (d.amount() == l.monthlyTotal()) {
                return Decision.matched(Rule.TENANT_NAME, l.leaseId(), "임차인명 일치, 월 청구액과 같은 금액");
            }
            if (owed != null && owed == d.amount()) {
                return Decision.matched(Rule.TENANT_NAME, l.leaseId(), "임차인명 일치, 연체 잔액과 같은 금액");
            }
        }
        named.stream().sorted(Comparator.comparing((Lease l) -> l.monthlyTotal() != d.amount()))
                .forEach(l -> suggestions.add(new Suggestion(l.leaseId(), Rule.TENANT_NAME, named.size() == 1
                        ? "임차인명 일치, 금액이 월 청구액(" + l.monthlyTotal() + "원)·연체 잔액과 다름"
                        : "같은 이름의 계약이 " + named.size() + "건")));
        LineState state = suggestions.isEmpty() ? LineState.UNMATCHED : LineState.AMBIGUOUS;
        if (suggestions.size() < SUGGESTIONS) {
            similar(d, suggestions);
        }
        return new Decision(state, null, null, List.copyOf(suggestions.subList(0, Math.min(SUGGESTIONS, suggestions.size()))));
    }

    private Optional<Lease> viaAccount(Deposit d) {
        return d.virtualAccount() == null || d.virtualAccount().isEmpty() ? Optional.empty()
                : Optional.ofNullable(byVirtualAccount.get(d.virtualAccount())).filter(l -> l.activeOn(d.at().toLocalDate()));
    }

    private List<Long> aliased(Deposit d) {
        return byAlias.getOrDefault(PayerNames.key(d.payer()), List.of()).stream().filter(leases::containsKey).toList();
    }

    private List<Lease> named(Deposit d) {
        String key = PayerNames.key(d.payer());
        return key.isEmpty() ? List.of() : byName.getOrDefault(key, List.of()).stream()
                .filter(l -> l.activeOn(d.at().toLocalDate())).toList();
    }

    /** Weaker hints for a person: a name that contains the payer text (banks cut names short), then the amount. */
    private void similar(Deposit d, List<Suggestion> into) {
        String key = PayerNames.key(d.payer());
        Set<Long> taken = new java.util.HashSet<>();
        into.forEach(s -> taken.add(s.leaseId()));
        if (key.length() >= 2) {
            for (Map.Entry<String, List<Lease>> e : byName.entrySet()) {
                if (into.size() >= SUGGESTIONS) {
                    return;
                }
                if (!e.getKey().equals(key) && (e.getKey().contains(key) || key.contains(e.getKey()) && e.getKey().length() >= 2)) {
                    e.getValue().stream().filter(l -> taken.add(l.leaseId()))
                            .forEach(l -> into.add(new Suggestion(l.leaseId(), Rule.TENANT_NAME, "임차인명 일부 일치")));
                }
            }
        }
        for (Lease l : leases.values()) {
            if (into.size() >= SUGGESTIONS) {
                return;
            }
            if (l.monthlyTotal() == d.amount() && l.activeOn(d.at().toLocalDate()) && taken.add(l.leaseId())) {
                into.add(new Suggestion(l.leaseId(), Rule.MANUAL, "월 청구액과 같은 금액"));
            }
        }
    }
}
