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
     * The event added rows the {@link #fingerprint} reads (charges, payments, reversals, leases): only such a
     * change of this instance's own can explain the fingerprint's move; a corrected deposit or terms cannot.
     */
    static boolean addsRows(Object event) {
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        return payload instanceof PaymentsApplied || payload instanceof ChargesCreated || payload instanceof PaymentReversed
                || payload instanceof PaymentRebooked || payload instanceof LeaseCreated;
    }

    private static LedgerChange leases(Collection<Long> ids) {
        return new LedgerChange(false, ids);
    }

    /**
     * The newest rows of the tables the arrears are computed from: a row added around the service (by
     * another instance, say) changes it; a row updated in place (a charge cancelled, terms changed) does
     * not — only the event says so, and only to the instance that made the change.
     * Index look-ups only; a count of cancelled charges was a scan of every charge until statistics exist.
     */
    static String fingerprint(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT concat_ws('/', (SELECT max(id) FROM charge), (SELECT max(id) FROM payment),
                                      (SELECT count(*) FROM payment_reversal), (SELECT max(id) FROM lease))""")
                .query(String.class).single();
    }
}
