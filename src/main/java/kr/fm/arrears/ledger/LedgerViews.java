package kr.fm.arrears.ledger;

import kr.fm.arrears.shared.Viewer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models of the ledger for the API: what a person wants to see of a lease, a building, a landlord. */
@Component
@RequiredArgsConstructor
public class LedgerViews {

    private final JdbcClient jdbc;

    /** A lease as people name it: code, tenant, landlord, building and units. */
    public record LeaseSummary(long leaseId, String code, long tenantId, String tenantName, long landlordId,
            String landlordName, long buildingId, String buildingName, String units, long monthlyRent, long managementFee,
            long deposit, int dueDay, LocalDate startDate, LocalDate endDate, boolean commercialAct, boolean vatApplies,
            String virtualAccount) {}

    /** A page of leases holds 1 to 5,000 of them; an offset below 0 is the first page. */
    static final int MAX_PAGE = 5_000;

    static int pageSize(int limit) {
        return Math.min(Math.max(limit, 1), MAX_PAGE);
    }

    private static final String IN_SCOPE = "(CAST(:scope AS BIGINT) IS NULL OR ll.id = :scope)";

    private static final String LEASE_SUMMARY = """
            SELECT l.id AS lease_id, l.code, t.id AS tenant_id, t.name AS tenant_name, ll.id AS landlord_id, ll.name AS landlord_name,
                   b.id AS building_id, b.name AS building_name,
                   (SELECT string_agg(u.unit_no, ', ' ORDER BY u.unit_no) FROM lease_unit lu JOIN unit u ON u.id = lu.unit_id
                     WHERE lu.lease_id = l.id) AS units,
                   l.monthly_rent, l.management_fee, l.deposit, l.due_day, l.start_date, l.end_date, l.commercial_act,
                   l.vat_applies, l.virtual_account
            FROM lease l JOIN tenant t ON t.id = l.tenant_id JOIN building b ON b.id = l.building_id
                 JOIN landlord ll ON ll.id = b.landlord_id
            """;

    /**
     * A row of {@link #LEASE_SUMMARY}, read by hand: the record mapper looks each component up by its bare
     * name first ("leaseid") and, not finding it, builds a driver exception with a translated message
     * before trying "lease_id" — a dozen exceptions a lease, most of a landlord list's time.
     */
    private static LeaseSummary leaseSummary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LeaseSummary(rs.getLong("lease_id"), rs.getString("code"), rs.getLong("tenant_id"), rs.getString("tenant_name"),
                rs.getLong("landlord_id"), rs.getString("landlord_name"), rs.getLong("building_id"), rs.getString("building_name"),
                rs.getString("units"), rs.getLong("monthly_rent"), rs.getLong("management_fee"), rs.getLong("deposit"),
                rs.getInt("due_day"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getBoolean("commercial_act"), rs.getBoolean("vat_applies"), rs.getString("virtual_account"));
    }

    public List<LeaseSummary> leases(Viewer viewer, Long landlordId, Long buildingId, Long tenantId, int limit, int offset) {
        return jdbc.sql(LEASE_SUMMARY + """
                WHERE (CAST(:landlord AS BIGINT) IS NULL OR ll.id = :landlord)
                  AND (CAST(:building AS BIGINT) IS NULL OR b.id = :building)
                  AND (CAST(:tenant AS BIGINT) IS NULL OR t.id = :tenant)
                ORDER BY l.id LIMIT :limit OFFSET :offset""")
                .param("landlord", viewer.landlordFilter(landlordId)).param("building", buildingId).param("tenant", tenantId)
                .param("limit", pageSize(limit)).param("offset", Math.max(offset, 0))
                .query(LedgerViews::leaseSummary).list();
    }

    public List<LeaseSummary> leases(Viewer viewer, List<Long> ids) {
        return jdbc.sql(LEASE_SUMMARY + " WHERE l.id = ANY(:ids) AND " + IN_SCOPE + " ORDER BY l.id")
                .param("ids", ids.toArray(Long[]::new)).param("scope", viewer.landlordFilter(null))
                .query(LedgerViews::leaseSummary).list();
    }

    /** A lease the caller may see (a LANDLORD: only their own). */
    public Optional<LeaseSummary> lease(Viewer viewer, long id) {
        return jdbc.sql(LEASE_SUMMARY + " WHERE l.id = :id AND " + IN_SCOPE).param("id", id)
                .param("scope", viewer.landlordFilter(null)).query(LedgerViews::leaseSummary).optional();
    }

    public Optional<Long> leaseIdByCode(String code) {
        return jdbc.sql("SELECT id FROM lease WHERE code = ?").param(code).query(Long.class).optional();
    }

    /**
     * Leases with something overdue on the date, oldest id first. Exact without the per-charge rules:
     * payments go to the oldest charges first, so the overdue balance is what overdue charges
     * total beyond what was paid by then.
     */
    public List<Long> leasesInArrears(Viewer viewer, LocalDate asOf, Long landlordId, Long buildingId, int limit, int offset) {
        return jdbc.sql("""
                SELECT l.id FROM lease l JOIN building b ON b.id = l.building_id
                WHERE (CAST(:landlord AS BIGINT) IS NULL OR b.landlord_id = :landlord)
                  AND (CAST(:building AS BIGINT) IS NULL OR b.id = :building)
                  AND (SELECT coalesce(sum(c.amount + c.vat), 0) FROM charge c WHERE c.lease_id = l.id AND c.due_date < :asOf
                                                           AND c.cancelled_at IS NULL)
                    > (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.lease_id = l.id AND p.paid_on <= :asOf
                                                            AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id))
                ORDER BY l.id LIMIT :limit OFFSET :offset""")
                .param("landlord", viewer.landlordFilter(landlordId)).param("building", buildingId).param("asOf", asOf)
                .param("limit", pageSize(limit)).param("offset", Math.max(offset, 0))
                .query(Long.class).list();
    }

    /** A lease as a deposit is matched to it: who pays, what a month costs, its 가상계좌 and its term. */
    public record Tenancy(long leaseId, String code, long landlordId, String tenantName, long monthlyRent, long managementFee,
            boolean vatApplies, String virtualAccount, LocalDate startDate, LocalDate endDate) {

        /** Rent and management fee of one month, VAT included. */
        public long monthlyTotal() {
            return Math.addExact(Vat.included(monthlyRent, vatApplies), Vat.included(managementFee, vatApplies));
        }
    }

    private static final String TENANCY = """
            SELECT l.id AS lease_id, l.code, b.landlord_id, t.name AS tenant_name, l.monthly_rent, l.management_fee,
                   l.vat_applies, l.virtual_account, l.start_date, l.end_date
            FROM lease l JOIN tenant t ON t.id = l.tenant_id JOIN building b ON b.id = l.building_id
            """;

    /** Every lease of a landlord, in id order. */
    public List<Tenancy> tenanciesOfLandlord(long landlordId) {
        return jdbc.sql(TENANCY + " WHERE b.landlord_id = ? ORDER BY l.id").param(landlordId).query(Tenancy.class).list();
    }

    /** The leases with these ids, by id; ids of no lease are absent. */
    public Map<Long, Tenancy> tenancies(Collection<Long> leaseIds) {
        Map<Long, Tenancy> byId = new HashMap<>();
        if (!leaseIds.isEmpty()) {
            jdbc.sql(TENANCY + " WHERE l.id = ANY(?)").param(leaseIds.toArray(Long[]::new)).query(Tenancy.class).list()
                    .forEach(t -> byId.put(t.leaseId(), t));
        }
        return byId;
    }

    /** The landlord whose account on file has these digits (the lowest id if several do). */
    public Optional<Long> landlordByBankAccount(String accountDigits) {
        return jdbc.sql("""
                SELECT id FROM landlord WHERE regexp_replace(coalesce(bank_account, ''), '\\D', '', 'g') = ? ORDER BY id LIMIT 1""")
                .param(accountDigits).query(Long.class).optional();
    }

    public record Landlord(long id, String name, String businessNo, String address, String phone, String email,
            String bankName, String bankAccount, String accountHolder) {}

    public record Building(long id, long landlordId, String name, String address, List<String> units) {}

    public record Tenant(long id, String name, String businessNo, String representative, String phone, String email,
            String address) {}

    /** A charge as issued; a cancelled one is listed with who cancelled it and why, and counts for nothing. */
    public record ChargeView(long id, ChargeKind kind, String period, LocalDate dueDate, long amount, long vat, long total,
            boolean cancelled, String cancelReason, String cancelledBy) {}

    /**
     * A payment as received; a reversed one is listed with {@code reversed} and its reason and counts for
     * nothing; one re-booked here from another lease names the payment it came from.
     */
    public record PaymentView(long id, String bankReference, LocalDate paidOn, long amount, String payerName, boolean reversed,
            String reversalReason, Long rebookedFrom) {}

    private static final String LANDLORD = """
            SELECT id, name, business_no, address, phone, email, bank_name, bank_account, account_holder FROM landlord""";
    private static final String TENANT = "SELECT id, name, business_no, representative, phone, email, address FROM tenant";
    // a LANDLORD sees the tenants of their own leases
    private static final String TENANT_IN_SCOPE = """
            (CAST(:scope AS BIGINT) IS NULL OR id IN (SELECT l.tenant_id FROM lease l JOIN building b ON b.id = l.building_id
                                                     WHERE b.landlord_id = :scope))""";

    /** The landlords with these ids the caller may see, in id order. */
    public List<Landlord> landlords(Viewer viewer, Collection<Long> ids) {
        return jdbc.sql(LANDLORD + " WHERE id = ANY(:ids) AND (CAST(:scope AS BIGINT) IS NULL OR id = :scope) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new)).param("scope", viewer.landlordFilter(null))
                .query(Landlord.class).list();
    }

    /** The tenants with these ids the caller may see, in id order. */
    public List<Tenant> tenants(Viewer viewer, Collection<Long> ids) {
        return jdbc.sql(TENANT + " WHERE id = ANY(:ids) AND " + TENANT_IN_SCOPE + " ORDER BY id")
                .param("ids", ids.toArray(Long[]::new)).param("scope", viewer.landlordFilter(null))
                .query(Tenant.class).list();
    }

    /** The landlords the caller may see with no bank account on file: a reminder cannot say where to pay them. */
    public Set<Long> landlordsWithoutBankAccount(Viewer viewer) {
        return new HashSet<>(jdbc.sql("""
                SELECT id FROM landlord WHERE coalesce(btrim(bank_account), '') = ''
                  AND (CAST(:scope AS BIGINT) IS NULL OR id = :scope)""")
                .param("scope", viewer.landlordFilter(null)).query(Long.class).list());
    }

    public List<Landlord> landlords(Viewer viewer) {
        return jdbc.sql(LANDLORD + " WHERE (CAST(:scope AS BIGINT) IS NULL OR id = :scope) ORDER BY id")
                .param("scope", viewer.landlordFilter(null)).query(Landlord.class).list();
    }

    public Optional<Landlord> landlord(Viewer viewer, long id) {
        return jdbc.sql(LANDLORD + " WHERE id = :id AND (CAST(:scope AS BIGINT) IS NULL OR id = :scope)")
                .param("id", id).param("scope", viewer.landlordFilter(null)).query(Landlord.class).optional();
    }

    public List<Building> buildings(Viewer viewer, Long landlordId, Long buildingId) {
        return jdbc.sql("""
                SELECT b.id, b.landlord_id, b.name, b.address,
                       (SELECT string_agg(u.unit_no, ',' ORDER BY u.unit_no) FROM unit u WHERE u.building_id = b.id) AS units
                FROM building b
                WHERE (CAST(:landlord AS BIGINT) IS NULL OR b.landlord_id = :landlord)
                  AND (CAST(:building AS BIGINT) IS NULL OR b.id = :building)
                ORDER BY b.id""")
                .param("landlord", viewer.landlordFilter(landlordId)).param("building", buildingId)
                .query((rs, n) -> new Building(rs.getLong("id"), rs.getLong("landlord_id"), rs.getString("name"),
                        rs.getString("address"), rs.getString("units") == null ? List.of() : List.of(rs.getString("units").split(","))))
                .list();
    }

    public Optional<Building> building(Viewer viewer, long id) {
        return buildings(viewer, null, id).stream().findFirst();
    }

    public List<Tenant> tenants(Viewer viewer) {
        return jdbc.sql(TENANT + " WHERE " + TENANT_IN_SCOPE + " ORDER BY id")
                .param("scope", viewer.landlordFilter(null)).query(Tenant.class).list();
    }

    public Optional<Tenant> tenant(Viewer viewer, long id) {
        return jdbc.sql(TENANT + " WHERE id = :id AND " + TENANT_IN_SCOPE).param("id", id)
                .param("scope", viewer.landlordFilter(null)).query(Tenant.class).optional();
    }

    public List<ChargeView> charges(long leaseId) {
        return jdbc.sql("""
                SELECT id, kind, to_char(period, 'YYYY-MM') AS period, due_date, amount, vat, amount + vat AS total,
                       cancelled_at IS NOT NULL AS cancelled, cancel_reason, cancelled_by
                FROM charge WHERE lease_id = ? ORDER BY due_date, id""").param(leaseId).query(ChargeView.class).list();
    }

    public List<PaymentView> payments(long leaseId) {
        return jdbc.sql("""
                SELECT id, bank_reference, paid_on, amount, payer_name, r.payment_id IS NOT NULL AS reversed,
                       r.reason AS reversal_reason, rebooked_from
                FROM payment p LEFT JOIN payment_reversal r ON r.payment_id = p.id WHERE lease_id = ? ORDER BY paid_on, id""")
                .param(leaseId).query(PaymentView.class).list();
    }
}
