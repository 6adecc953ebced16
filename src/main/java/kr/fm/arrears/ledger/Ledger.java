package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a lease owes and has paid, in bulk (cancelled charges and reversed payments left out): the batch job asks for a page of leases at a time,
 * three queries a page whatever its size.
 */
@Component
@RequiredArgsConstructor
public class Ledger {

    private final JdbcClient jdbc;

    /**
     * The leases {@code viewer} may see, narrowed to a landlord and/or building when asked: what other
     * modules filter their rows by instead of joining the ledger's tables. A LANDLORD naming another
     * landlord gets no leases at all.
     */
    @Transactional(readOnly = true)
    public LeaseScope scope(kr.fm.arrears.shared.Viewer viewer, Long landlordId, Long buildingId) {
        Long landlord = viewer.landlordFilter(landlordId);
        if (landlord == null && buildingId == null) {
            return LeaseScope.all();
        }
        // one array, not a row per lease: a board asks for its landlord's 500 leases on every refresh
        return new LeaseScope(jdbc.sql("""
                SELECT coalesce(array_agg(l.id ORDER BY l.id), '{}') FROM lease l JOIN building b ON b.id = l.building_id
                WHERE (CAST(:landlord AS BIGINT) IS NULL OR b.landlord_id = :landlord)
                  AND (CAST(:building AS BIGINT) IS NULL OR b.id = :building)""")
                .param("landlord", landlord).param("building", buildingId)
                .query((rs, n) -> (Long[]) rs.getArray(1).getArray()).single());
    }

    /**
     * The leases' terms on {@code asOf}: the rent of a terms change counts from its month on, so a rent
     * changed ahead of time moves neither the months overdue nor the termination threshold early.
     */
    public Map<Long, LeaseTerms> terms(Collection<Long> leaseIds, LocalDate asOf) {
        Map<Long, LeaseTerms> terms = new HashMap<>();
        jdbc.sql("""
                SELECT l.id, coalesce(t.monthly_rent, l.monthly_rent) AS monthly_rent, l.vat_applies, l.interest_rate, l.merchant,
                       l.commercial_act
                FROM lease l LEFT JOIN LATERAL (
                    SELECT x.monthly_rent FROM lease_terms x WHERE x.lease_id = l.id AND x.from_month <= :asOf
                    ORDER BY x.from_month DESC, x.id DESC LIMIT 1) t ON TRUE
                WHERE l.id = ANY(:ids)""")
                .param("ids", ids(leaseIds)).param("asOf", asOf)
                .query((rs, n) -> new LeaseTerms(rs.getLong("id"), rs.getLong("monthly_rent"), rs.getBoolean("vat_applies"),
                        rs.getBigDecimal("interest_rate"), rs.getBoolean("merchant"), rs.getBoolean("commercial_act")))
                .list().forEach(t -> terms.put(t.leaseId(), t));
        return terms;
    }

    public Map<Long, List<Charge>> charges(Collection<Long> leaseIds, LocalDate dueUpTo) {
        Map<Long, List<Charge>> byLease = new HashMap<>();
        jdbc.sql("""
                SELECT id, lease_id, kind, period, due_date, amount, vat FROM charge
                WHERE lease_id = ANY(?) AND due_date <= ? AND cancelled_at IS NULL ORDER BY lease_id, due_date, id""")
                .params(ids(leaseIds), dueUpTo)
                .query(Ledger::charge)
                .list().forEach(c -> byLease.computeIfAbsent(c.leaseId(), k -> new ArrayList<>()).add(c));
        return byLease;
    }

    static Charge charge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Charge(rs.getLong("id"), rs.getLong("lease_id"), ChargeKind.valueOf(rs.getString("kind")),
                rs.getObject("period", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getLong("amount"), rs.getLong("vat"));
    }

    /** Charges falling due after {@code after} up to {@code upTo}, by lease, soonest first (for reminders before a due date). */
    public Map<Long, List<Charge>> chargesDueBetween(Collection<Long> leaseIds, LocalDate after, LocalDate upTo) {
        Map<Long, List<Charge>> byLease = new HashMap<>();
        jdbc.sql("""
                SELECT id, lease_id, kind, period, due_date, amount, vat FROM charge
                WHERE lease_id = ANY(?) AND due_date > ? AND due_date <= ? AND cancelled_at IS NULL
                ORDER BY lease_id, due_date, id""")
                .params(ids(leaseIds), after, upTo)
                .query(Ledger::charge)
                .list().forEach(c -> byLease.computeIfAbsent(c.leaseId(), k -> new ArrayList<>()).add(c));
        return byLease;
    }

    /** A lease and one of its due dates. */
    /** The live charges (with VAT) of these leases by the month they fall due in, from {@code first} to {@code last}; months without any are absent. */
    @Transactional(readOnly = true)
    public Map<java.time.YearMonth, Long> dueByMonth(Collection<Long> leaseIds, java.time.YearMonth first, java.time.YearMonth last) {
        Map<java.time.YearMonth, Long> byMonth = new HashMap<>();
        jdbc.sql("""
                SELECT CAST(date_trunc('month', due_date) AS DATE), sum(amount + vat) FROM charge
                WHERE lease_id = ANY(:leases) AND due_date BETWEEN :from AND :to AND cancelled_at IS NULL
                GROUP BY 1""")
                .param("leases", leaseIds.toArray(Long[]::new)).param("from", first.atDay(1)).param("to", last.atEndOfMonth())
                .query((rs, i) -> Map.entry(java.time.YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2)))
                .list().forEach(e -> byMonth.put(e.getKey(), e.getValue()));
        return byMonth;
    }

    public record DueDate(long leaseId, LocalDate dueDate) {}

    /**
     * Of these (lease, due date) pairs, those whose charges are not yet paid in full by the payments
     * received up to {@code paidUpTo}. Payments reach the oldest charges first, so the charges of a due
     * date are paid exactly when the payments cover every charge due on or before it.
     */
    public Set<DueDate> unpaid(Collection<DueDate> dues, LocalDate paidUpTo) {
        Set<DueDate> unpaid = new HashSet<>();
        if (dues.isEmpty()) {
            return unpaid;
        }
        jdbc.sql("""
                SELECT x.lease_id, x.due FROM unnest(CAST(? AS BIGINT[]), CAST(CAST(? AS TEXT[]) AS DATE[])) AS x (lease_id, due)
                WHERE (SELECT coalesce(sum(c.amount + c.vat), 0) FROM charge c WHERE c.lease_id = x.lease_id AND c.due_date <= x.due
                                                                 AND c.cancelled_at IS NULL)
                    > (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.lease_id = x.lease_id AND p.paid_on <= ?
                                                            AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id))""")
                .params(dues.stream().map(DueDate::leaseId).toArray(Long[]::new),
                        dues.stream().map(d -> d.dueDate().toString()).toArray(String[]::new), paidUpTo)
                .query(rs -> {
                    unpaid.add(new DueDate(rs.getLong(1), rs.getObject(2, LocalDate.class)));
                });
        return unpaid;
    }

    public Map<Long, List<Payment>> payments(Collection<Long> leaseIds, LocalDate paidUpTo) {
        Map<Long, List<Payment>> byLease = new HashMap<>();
        jdbc.sql("""
                SELECT id, lease_id, bank_reference, paid_on, amount FROM payment p
                WHERE lease_id = ANY(?) AND paid_on <= ? AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id)
                ORDER BY lease_id, paid_on, id""")
                .params(ids(leaseIds), paidUpTo)
                .query((rs, n) -> new Payment(rs.getLong("id"), rs.getLong("lease_id"), rs.getString("bank_reference"),
                        rs.getObject("paid_on", LocalDate.class), rs.getLong("amount")))
                .list().forEach(p -> byLease.computeIfAbsent(p.leaseId(), k -> new ArrayList<>()).add(p));
        return byLease;
    }

    /** Arrears of many leases on one date; leases that do not exist are absent from the result. */
    @Transactional(readOnly = true)
    public Map<Long, LeaseArrears> arrears(Collection<Long> leaseIds, LocalDate asOf) {
        Computed computed = compute(leaseIds, asOf);
        if (!computed.failures().isEmpty()) {
            Map.Entry<Long, String> first = computed.failures().entrySet().iterator().next();
            throw new IllegalStateException("the arrears of lease " + first.getKey() + " cannot be computed: " + first.getValue());
        }
        return computed.arrears();
    }

    /** Each lease's arrears, or why they cannot be computed (an amount beyond every bound, say). */
    public record Computed(Map<Long, LeaseArrears> arrears, Map<Long, String> failures) {}

    /** Like {@link #arrears}, but one lease that cannot be computed does not stop the others. */
    @Transactional(readOnly = true)
    public Computed compute(Collection<Long> leaseIds, LocalDate asOf) {
        Map<Long, LeaseTerms> terms = terms(leaseIds, asOf);
        Map<Long, List<Charge>> charges = charges(terms.keySet(), asOf);
        Map<Long, List<Payment>> payments = payments(terms.keySet(), asOf);
        Map<Long, LeaseArrears> result = new HashMap<>();
        Map<Long, String> failures = new java.util.LinkedHashMap<>();
        for (LeaseTerms t : terms.values()) {
            try {
                result.put(t.leaseId(), ArrearsCalculator.compute(t, charges.getOrDefault(t.leaseId(), List.of()),
                        payments.getOrDefault(t.leaseId(), List.of()), asOf));
            } catch (RuntimeException e) {
                failures.put(t.leaseId(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return new Computed(result, failures);
    }

    public Optional<LeaseArrears> arrears(long leaseId, LocalDate asOf) {
        return Optional.ofNullable(arrears(List.of(leaseId), asOf).get(leaseId));
    }

    /** A lease and where it is: what picks its ladder. */
    public record Placed(long leaseId, long buildingId, long landlordId) {}

    private static final String PLACED = "SELECT l.id, l.building_id, b.landlord_id FROM lease l JOIN building b ON b.id = l.building_id";

    /** Leases by id after {@code afterId}, at most {@code limit}: a batch's page, by keyset. */
    public List<Placed> leasesAfter(long afterId, int limit) {
        return jdbc.sql(PLACED + " WHERE l.id > ? ORDER BY l.id LIMIT ?").params(afterId, limit).query(Ledger::placed).list();
    }

    /** These leases, where they are, by id; an id of no lease is absent. */
    public Map<Long, Placed> places(Collection<Long> leaseIds) {
        Map<Long, Placed> byId = new HashMap<>();
        jdbc.sql(PLACED + " WHERE l.id = ANY(?)").param(ids(leaseIds)).query(Ledger::placed).list()
                .forEach(p -> byId.put(p.leaseId(), p));
        return byId;
    }

    private static Placed placed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Placed(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    }

    /**
     * For each of these leases that exists: whether it owes overdue principal on {@code date} (charges due
     * before it exceed all paid up to it: payments reach the oldest charges first, so this is
     * {@link ArrearsCalculator}'s overdue balance &gt; 0) or has a charge falling due after it up to
     * {@code dueUpTo}. One query, so a batch loads the ledgers of only the leases it may have to act on.
     */
    public Map<Long, Boolean> owingOrFallingDue(Collection<Long> leaseIds, LocalDate date, LocalDate dueUpTo) {
        Map<Long, Boolean> result = new HashMap<>();
        jdbc.sql("""
                SELECT l.id,
                       EXISTS (SELECT 1 FROM charge c WHERE c.lease_id = l.id AND c.due_date > :date AND c.due_date <= :upTo
                                                     AND c.cancelled_at IS NULL)
                    OR (SELECT coalesce(sum(c.amount + c.vat), 0) FROM charge c WHERE c.lease_id = l.id AND c.due_date < :date
                                                                     AND c.cancelled_at IS NULL)
                       > (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.lease_id = l.id AND p.paid_on <= :date
                                                               AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id))
                FROM lease l WHERE l.id = ANY(CAST(:ids AS BIGINT[]))""")
                .param("ids", ids(leaseIds)).param("date", date).param("upTo", dueUpTo)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getBoolean(2));
                });
        return result;
    }

    private static Long[] ids(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
