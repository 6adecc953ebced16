package kr.fm.arrears.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.fm.arrears.ledger.NewBuilding;
import kr.fm.arrears.ledger.NewLandlord;
import kr.fm.arrears.ledger.NewLease;
import kr.fm.arrears.ledger.NewTenant;
import kr.fm.arrears.ledger.Portfolio;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.Sha256;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Landlords, buildings, units, tenants and leases from one CSV, one lease a row (columns in
 * docs/import-format.md). All or nothing: every row is checked, rows that pass are applied inside
 * one transaction so later rows see earlier ones (a unit let twice in one file is caught), and
 * any error rolls the whole file back and lists every bad row.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LeaseImport {

    static final Set<String> REQUIRED = Set.of("lease_code", "landlord_name", "building_name", "units", "tenant_name",
            "tenant_business_no", "start_date", "end_date", "monthly_rent", "deposit", "due_day");
    static final Set<String> OPTIONAL = Set.of("landlord_business_no", "landlord_address", "landlord_phone",
            "landlord_email", "landlord_bank_name", "landlord_bank_account", "landlord_account_holder", "building_address",
            "tenant_representative", "tenant_phone", "tenant_email", "tenant_address", "management_fee", "vat_applies",
            "late_interest_percent", "merchant", "commercial_act", "virtual_account");
    private static final Map<String, String> LEASE_COLUMNS = Map.of("code", "lease_code", "units", "units");

    private final Portfolio portfolio;
    private final ValidationToColumns validation;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    public record Result(int rows, int leasesCreated) {}

    public Result importFile(byte[] bytes, String fileName, String actor) {
        CsvFile file = CsvFile.parse(bytes, REQUIRED, OPTIONAL, Map.of());
        return tx.execute(status -> {
            List<ImportRejected.RowError> errors = new ArrayList<>();
            int created = 0;
            for (CsvFile.Row row : file.rows()) {
                Cells cells = new Cells(row);
                if (apply(cells, actor)) {
                    created++;
                }
                errors.addAll(cells.errors);
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                throw new ImportRejected(errors);
            }
            events.publishEvent(new LeasesImported(actor, fileName, file.rows().size(), created, Sha256.hex(bytes)));
            return new Result(file.rows().size(), created);
        });
    }

    /** Checks one row and, when it is clean, applies it; returns whether a lease was created. */
    private boolean apply(Cells c, String actor) {
        NewLandlord landlord = new NewLandlord(c.text("landlord_name"), c.text("landlord_business_no"),
                c.text("landlord_address"), c.text("landlord_phone"), c.text("landlord_email"), c.text("landlord_bank_name"),
                c.text("landlord_bank_account"), c.text("landlord_account_holder"));
        NewTenant tenant = new NewTenant(c.text("tenant_name"), c.text("tenant_business_no"), c.text("tenant_representative"),
                c.text("tenant_phone"), c.text("tenant_email"), c.text("tenant_address"));
        List<String> units = c.list("units");
        Long fee = c.won("management_fee");
        // ids are not known before the landlord, building and tenant exist: 0 stands in while validating
        NewLease terms = new NewLease(c.text("lease_code"), 0L, 0L, units, c.date("start_date"), c.date("end_date"),
                c.won("monthly_rent"), fee == null ? 0L : fee, c.won("deposit"), c.integer("due_day"), c.flag("vat_applies"),
                c.percent("late_interest_percent"), c.flag("merchant"), c.flag("commercial_act"));
        validation.validate(landlord, c, "landlord_", Map.of());
        validation.validate(tenant, c, "tenant_", Map.of());
        validation.validate(new NewBuilding(0L, c.text("building_name"), c.text("building_address"), units), c, "building_",
                Map.of("units", "units"));
        validation.validate(terms, c, "", LEASE_COLUMNS);
        if (!c.errors.isEmpty()) {
            return false;
        }
        long landlordId = portfolio.landlord(landlord, actor);
        long buildingId = portfolio.building(new NewBuilding(landlordId, c.text("building_name"), c.text("building_address"),
                List.of()), actor);
        long tenantId = portfolio.tenant(tenant, actor);
        NewLease lease = new NewLease(terms.code(), tenantId, buildingId, units, terms.startDate(), terms.endDate(),
                terms.monthlyRent(), terms.managementFee(), terms.deposit(), terms.dueDay(), terms.vatApplies(),
                terms.lateInterestPercent(), terms.merchant(), terms.commercialAct());
        var conflicts = portfolio.leaseConflicts(lease);
        if (!conflicts.isEmpty()) {
            conflicts.forEach(e -> c.error(LEASE_COLUMNS.getOrDefault(e.field(), ValidationToColumns.snake(e.field())), e.message()));
            return false;
        }
        // a new lease has no id yet: 0 stands in, so only another lease's account conflicts
        Optional<String> va = portfolio.virtualAccountConflict(0, c.text("virtual_account"));
        if (va.isPresent()) {
            c.error("virtual_account", va.get());
            return false;
        }
        long id = portfolio.lease(lease, actor);
        if (c.text("virtual_account") != null) {
            portfolio.virtualAccount(id, c.text("virtual_account"), actor);
        }
        return true;
    }
}
