package kr.fm.arrears.ledger;

import java.util.Collection;
import java.util.List;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a committed change of the ledger makes stale for those who remember arrears ({@link TodaysArrears},
 * {@link RememberedArrears}): the leases an event of this package names, or everything for one that names
 * none this knows how to read. New landlords, buildings, units and tenants change no lease's arrears.
 *
 * @param everything nothing remembered can be trusted
 * @param leaseIds   the leases to compute again (empty and not {@code everything}: nothing is stale)
 */
record LedgerChange(boolean everything, Collection<Long> leaseIds) {

    static final LedgerChange NONE = new LedgerChange(false, List.of());

    boolean any() {
        return everything || !leaseIds.isEmpty();
    }

    static LedgerChange of(Object event) {
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        if (!payload.getClass().getPackageName().equals(LedgerChange.class.getPackageName())) {
            return NONE;
        }
        if (payload instanceof PaymentsApplied e) {
            return leases(e.payments().stream().map(PaymentsApplied.Applied::leaseId).toList());
        } else if (payload instanceof PaymentReversed e) {
            return leases(List.of(e.leaseId()));
        } else if (payload instanceof ChargesCreated e) {
            return leases(e.charges().stream().map(ChargesCreated.Created::leaseId).toList());
        } else if (payload instanceof LeaseCreated e) {
            return leases(List.of(e.leaseId()));
        } else if (payload instanceof VirtualAccountSet e) {
            return leases(List.of(e.leaseId()));
        } else if (payload instanceof ChargesCancelled e) {
            return leases(e.charges().stream().map(ChargesCancelled.Cancelled::leaseId).toList());
        } else if (payload instanceof PaymentRebooked e) {
            return leases(List.of(e.fromLeaseId(), e.toLeaseId()));
        } else if (payload instanceof LeaseTermsChanged e) {
            return leases(List.of(e.leaseId()));
        } else if (payload instanceof LeaseEndedEarly e) {
            return leases(List.of(e.leaseId()));
        } else if (payload instanceof DepositChanged e) {
            return leases(List.of(e.leaseId()));
        } else if (payload instanceof LandlordCreated || payload instanceof BuildingCreated || payload instanceof UnitCreated
                || payload instanceof TenantCreated || payload instanceof ChargeGenerationFailed) {
            return NONE;
        }
        return new LedgerChange(true, List.of());
    }

    /**
     * The rows the event added that {@link #newest} reads, by their ids (charges, payments, leases): what
     * lets a change of this instance's own explain a move of the newest rows. A reversal adds a row that is
     * only counted: none of its own can explain a move of the count. Empty for every other event.
     */
    static Added added(Object event) {
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        if (payload instanceof PaymentsApplied e) {
            return new Added(List.of(), e.payments().stream().map(PaymentsApplied.Applied::paymentId).toList(), List.of());
        } else if (payload instanceof PaymentRebooked e) {
            return new Added(List.of(), List.of(e.toPaymentId()), List.of());
        } else if (payload instanceof ChargesCreated e) {
            return new Added(e.charges().stream().map(ChargesCreated.Created::chargeId).toList(), List.of(), List.of());
        } else if (payload instanceof LeaseCreated e) {
            return new Added(List.of(), List.of(), List.of(e.leaseId()));
        }
        return Added.NOTHING;
    }

    /** Ids of rows added, by table. */
    record Added(Collection<Long> charges, Collection<Long> payments, Collection<Long> leases) {
        static final Added NOTHING = new Added(List.of(), List.of(), List.of());

        int size() {
            return charges.size() + payments.size() + leases.size();
        }
    }

    private static LedgerChange leases(Collection<Long> ids) {
        return new LedgerChange(false, ids);
    }

    /**
     * The newest rows of the tables the arrears are computed from: a row added around the service (by
     * another instance, say) changes it; a row updated in place (a charge cancelled, terms changed) does
     * not — only the event says so, and only to the instance that made the change. 0 for an empty table.
     * Index look-ups only; a count of cancelled charges was a scan of every charge until statistics exist.
     */
    record Newest(long charge, long payment, long reversals, long lease) {}

    static Newest newest(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT coalesce((SELECT max(id) FROM charge), 0), coalesce((SELECT max(id) FROM payment), 0),
                       (SELECT count(*) FROM payment_reversal), coalesce((SELECT max(id) FROM lease), 0)""")
                .query((rs, n) -> new Newest(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** The ids of the rows added from {@code from} to {@code to} (the newest rows then and now), by table. */
    static Added between(JdbcClient jdbc, Newest from, Newest to) {
        List<Long> charges = new java.util.ArrayList<>();
        List<Long> payments = new java.util.ArrayList<>();
        List<Long> leases = new java.util.ArrayList<>();
        jdbc.sql("""
                SELECT 'c', id FROM charge WHERE id > :c0 AND id <= :c1
                UNION ALL SELECT 'p', id FROM payment WHERE id > :p0 AND id <= :p1
                UNION ALL SELECT 'l', id FROM lease WHERE id > :l0 AND id <= :l1""")
                .param("c0", from.charge()).param("c1", to.charge()).param("p0", from.payment()).param("p1", to.payment())
                .param("l0", from.lease()).param("l1", to.lease())
                .query(rs -> {
                    (switch (rs.getString(1)) {
                        case "c" -> charges;
                        case "p" -> payments;
                        default -> leases;
                    }).add(rs.getLong(2));
                });
        return new Added(charges, payments, leases);
    }
}
