package kr.fm.arrears.escalation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ladders stored in PostgreSQL: one for everyone, and overrides per landlord and per building. */
@Component
public class Policies {

    /** Whose ladder: both null for everyone's. */
    public record Scope(Long landlordId, Long buildingId) {

        public static final Scope DEFAULT = new Scope(null, null);

        public String name() {
            return buildingId != null ? "BUILDING" : landlordId != null ? "LANDLORD" : "DEFAULT";
        }

        public String subjectId() {
            return buildingId != null ? "BUILDING:" + buildingId : landlordId != null ? "LANDLORD:" + landlordId : "DEFAULT";
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LedgerViews views;
    private final Ledger ledger;
    private final Clock clock;

    public Policies(JdbcClient jdbc, ApplicationEventPublisher events, Ledger ledger, LedgerViews views, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.views = views;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Every ladder, read in one query (a handful of rows): the batch reads it once per page. */
    public PolicyBook book() {
        Map<Scope, List<Policy.StageRule>> rules = new LinkedHashMap<>();
        Map<Scope, Long> minimums = new HashMap<>();
        Map<Scope, Integer> graces = new HashMap<>();
        jdbc.sql("""
                SELECT p.landlord_id, p.building_id, p.minimum_balance, p.plan_grace_days, s.stage, s.enabled, s.trigger, s.threshold, s.channels, s.template,
                       s.needs_approval, s.needs_landlord_consent
                FROM escalation_policy p JOIN escalation_policy_stage s ON s.policy_id = p.id
                ORDER BY p.id, s.stage""")
                .query(rs -> {
                    Scope scope = new Scope((Long) rs.getObject("landlord_id"), (Long) rs.getObject("building_id"));
                    minimums.put(scope, rs.getLong("minimum_balance"));
                    graces.put(scope, rs.getInt("plan_grace_days"));
                    rules.computeIfAbsent(scope, k -> new ArrayList<>()).add(new Policy.StageRule(
                            Stage.valueOf(rs.getString("stage")), rs.getBoolean("enabled"),
                            Policy.Trigger.valueOf(rs.getString("trigger")), rs.getInt("threshold"),
                            Arrays.stream(rs.getString("channels").split(",")).map(Channel::valueOf).toList(),
                            rs.getString("template"), rs.getBoolean("needs_approval"), rs.getBoolean("needs_landlord_consent")));
                });
        Map<Long, Policy> byLandlord = new HashMap<>();
        Map<Long, Policy> byBuilding = new HashMap<>();
        Policy defaults = null;
        for (Map.Entry<Scope, List<Policy.StageRule>> e : rules.entrySet()) {
            Policy policy = new Policy(e.getValue(), minimums.get(e.getKey()), graces.get(e.getKey()));
            if (e.getKey().buildingId() != null) {
                byBuilding.put(e.getKey().buildingId(), policy);
            } else if (e.getKey().landlordId() != null) {
                byLandlord.put(e.getKey().landlordId(), policy);
            } else {
                defaults = policy;
            }
        }
        if (defaults == null) {
            throw new IllegalStateException("the default escalation policy is missing (seeded by migration V2_1)");
        }
        return new PolicyBook(defaults, byLandlord, byBuilding);
    }

    /**
     * The ladder in force for each of these leases (a page's, in two queries): what messaging sends a
     * stage on and renders it from. An id of no lease is absent.
     */
    public Map<Long, Policy> ladders(java.util.Collection<Long> leaseIds) {
        PolicyBook book = book();
        Map<Long, Policy> byLease = new HashMap<>();
        ledger.places(leaseIds).values().forEach(l -> byLease.put(l.leaseId(), book.forLease(l.buildingId(), l.landlordId())));
        return byLease;
    }

    /** The ladder in force for a scope, and the scope it comes from (a building falls back to its landlord, then the default). */
    public record Effective(Scope source, Policy policy) {}

    public Effective effective(Scope scope) {
        PolicyBook book = book();
        if (scope.buildingId() != null) {
            long landlord = landlordOf(scope.buildingId());
            if (book.byBuilding().containsKey(scope.buildingId())) {
                return new Effective(scope, book.byBuilding().get(scope.buildingId()));
            }
            scope = new Scope(landlord, null);
        }
        if (scope.landlordId() != null) {
            requireLandlord(scope.landlordId());
            if (book.byLandlord().containsKey(scope.landlordId())) {
                return new Effective(scope, book.byLandlord().get(scope.landlordId()));
            }
        }
        return new Effective(Scope.DEFAULT, book.defaults());
    }

    /** Replaces the ladder of a scope (creating the override if needed); refused whole when any rule is wrong. */
    @Transactional
    public void put(Scope scope, List<Policy.StageRule> rules, String actor) {
        put(scope, rules, null, actor);
    }

    /** {@code minimumBalance}: null keeps the scope's (a new override starts at the default). */
    @Transactional
    public void put(Scope scope, List<Policy.StageRule> rules, Long minimumBalance, String actor) {
        put(scope, rules, minimumBalance, null, actor);
    }

    /** {@code planGraceDays}: null keeps the scope's (a new override starts at 3 days). */
    @Transactional
    public void put(Scope scope, List<Policy.StageRule> rules, Long minimumBalance, Integer planGraceDays, String actor) {
        if (scope.landlordId() != null && scope.buildingId() != null) {
            throw InvalidInput.of("buildingId", scope.buildingId(), "landlordId와 buildingId 중 하나만 주세요");
        }
        if (scope.buildingId() != null) {
            landlordOf(scope.buildingId());
        } else if (scope.landlordId() != null) {
            requireLandlord(scope.landlordId());
        }
        List<InvalidInput.FieldError> problems = new ArrayList<>(Policy.problems(rules));
        if (Policy.minimumBalanceProblem(minimumBalance) != null) {
            problems.add(Policy.minimumBalanceProblem(minimumBalance));
        }
        if (Policy.planGraceDaysProblem(planGraceDays) != null) {
            problems.add(Policy.planGraceDaysProblem(planGraceDays));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO escalation_policy (landlord_id, building_id, updated_at, updated_by, minimum_balance, plan_grace_days)
                VALUES (?, ?, ?, ?, coalesce(CAST(? AS BIGINT), 10000), coalesce(CAST(? AS INT), 3))
                ON CONFLICT ((coalesce(landlord_id, 0)), (coalesce(building_id, 0)))
                DO UPDATE SET updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    minimum_balance = coalesce(CAST(? AS BIGINT), escalation_policy.minimum_balance),
                    plan_grace_days = coalesce(CAST(? AS INT), escalation_policy.plan_grace_days)
                RETURNING id""")
                .params(scope.landlordId(), scope.buildingId(), java.sql.Timestamp.from(BusinessTime.now(clock)), actor,
                        minimumBalance, planGraceDays, minimumBalance, planGraceDays)
                .query(Long.class).single();
        jdbc.sql("DELETE FROM escalation_policy_stage WHERE policy_id = ?").param(id).update();
        for (Policy.StageRule r : rules) {
            jdbc.sql("""
                    INSERT INTO escalation_policy_stage (policy_id, stage, enabled, trigger, threshold, channels, template,
                                                         needs_approval, needs_landlord_consent)
                    VALUES (?, CAST(? AS escalation_stage), ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, r.stage().name(), r.enabled(), r.trigger().name(), r.threshold(),
                            String.join(",", r.channels().stream().map(Enum::name).toList()), r.template(),
                            r.needsApproval(), r.needsLandlordConsent())
                    .update();
        }
        events.publishEvent(new PolicyChanged(actor, scope, rules, minimumBalance, planGraceDays, false));
    }

    /** Drops a landlord's or building's own ladder, so the next one up applies again. */
    @Transactional
    public boolean remove(Scope scope, String actor) {
        if (scope.landlordId() == null && scope.buildingId() == null) {
            throw InvalidInput.of("landlordId", null, "기본 사다리는 바꿀 수 있지만 지울 수는 없습니다");
        }
        int removed = jdbc.sql("""
                DELETE FROM escalation_policy WHERE coalesce(landlord_id, 0) = coalesce(CAST(? AS BIGINT), 0)
                  AND coalesce(building_id, 0) = coalesce(CAST(? AS BIGINT), 0)""")
                .params(scope.landlordId(), scope.buildingId()).update();
        if (removed > 0) {
            events.publishEvent(new PolicyChanged(actor, scope, null, null, true));
        }
        return removed > 0;
    }

    private long landlordOf(long buildingId) {
        return views.building(Viewer.SYSTEM, buildingId).orElseThrow(() -> new NotFound("building", buildingId)).landlordId();
    }

    private void requireLandlord(long landlordId) {
        views.landlord(Viewer.SYSTEM, landlordId).orElseThrow(() -> new NotFound("landlord", landlordId));
    }
}
