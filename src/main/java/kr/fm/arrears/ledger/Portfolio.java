package kr.fm.arrears.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.fm.arrears.shared.BusinessNumber;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Landlords, buildings, units, tenants and leases: the one place they are created, by the API and
 * by imports alike. Identities: a landlord by 사업자등록번호 (or name when it has none), a building
 * by landlord and name, a unit by building and number, a tenant by 사업자등록번호, a lease by code.
 */
@Component
public class Portfolio {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ChargeGenerator charges;

    Portfolio(JdbcClient jdbc, ApplicationEventPublisher events, ChargeGenerator charges) {
        this.jdbc = jdbc;
        this.events = events;
        this.charges = charges;
    }

    @Transactional
    public long landlord(NewLandlord l, String actor) {
        String brn = BusinessNumber.normalize(l.businessNo());
        Optional<Long> existing = brn != null
                ? jdbc.sql("SELECT id FROM landlord WHERE business_no = ?").param(brn).query(Long.class).optional()
                : jdbc.sql("SELECT id FROM landlord WHERE name = ? AND business_no IS NULL").param(l.name()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = jdbc.sql("""
                INSERT INTO landlord (name, business_no, address, phone, email, bank_name, bank_account, account_holder)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(l.name(), brn, l.address(), PhoneNumber.toE164(l.phone()), blankToNull(l.email()), l.bankName(),
                        l.bankAccount(), l.accountHolder())
                .query(Long.class).single();
        events.publishEvent(new LandlordCreated(actor, id, l.name()));
        return id;
    }

    @Transactional
    public long building(NewBuilding b, String actor) {
        if (jdbc.sql("SELECT count(*) FROM landlord WHERE id = ?").param(b.landlordId()).query(Long.class).single() == 0) {
            throw InvalidInput.of("landlordId", b.landlordId(), "없는 임대인입니다");
        }
        Optional<Long> existing = jdbc.sql("SELECT id FROM building WHERE landlord_id = ? AND name = ?")
                .params(b.landlordId(), b.name()).query(Long.class).optional();
        long id = existing.orElseGet(() -> {
            long created = jdbc.sql("INSERT INTO building (landlord_id, name, address) VALUES (?, ?, ?) RETURNING id")
                    .params(b.landlordId(), b.name(), b.address()).query(Long.class).single();
            events.publishEvent(new BuildingCreated(actor, created, b.name(), b.landlordId()));
            return created;
        });
        if (b.units() != null) {
            units(id, b.units(), actor);
        }
        return id;
    }

    /** Ids of the given units of a building, creating those it does not have yet. */
    @Transactional
    public List<Long> units(long buildingId, List<String> unitNos, String actor) {
        List<Long> ids = new ArrayList<>();
        for (String unitNo : unitNos) {
            Optional<Long> inserted = jdbc.sql("""
                    INSERT INTO unit (building_id, unit_no) VALUES (?, ?)
                    ON CONFLICT (building_id, unit_no) DO NOTHING RETURNING id""")
                    .params(buildingId, unitNo.trim()).query(Long.class).optional();
            inserted.ifPresent(id -> events.publishEvent(new UnitCreated(actor, id, buildingId, unitNo.trim())));
            ids.add(inserted.orElseGet(() -> jdbc.sql("SELECT id FROM unit WHERE building_id = ? AND unit_no = ?")
                    .params(buildingId, unitNo.trim()).query(Long.class).single()));
        }
        return ids;
    }

    @Transactional
    public long tenant(NewTenant t, String actor) {
        String brn = BusinessNumber.normalize(t.businessNo());
        Optional<Long> existing = jdbc.sql("SELECT id FROM tenant WHERE business_no = ?").param(brn).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = jdbc.sql("""
                INSERT INTO tenant (name, business_no, representative, phone, email, address)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(t.name(), brn, t.representative(), PhoneNumber.toE164(t.phone()), blankToNull(t.email()), t.address())
                .query(Long.class).single();
        events.publishEvent(new TenantCreated(actor, id, t.name(), brn));
        return id;
    }

    /**
     * Creates a lease and its charges from the start up to the current month. A lease code already
     * taken is refused, as is a unit let to another lease over an overlapping period.
     */
    @Transactional
    public long lease(NewLease l, String actor) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(leaseConflicts(l));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = jdbc.sql("""
                INSERT INTO lease (code, tenant_id, building_id, start_date, end_date, monthly_rent, management_fee, deposit,
                                   due_day, vat_applies, interest_rate, merchant, commercial_act)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(l.code(), l.tenantId(), l.buildingId(), l.startDate(), l.endDate(), l.monthlyRent(), l.managementFee(),
                        l.deposit(), l.dueDay(), l.vat(), l.lateInterestPercent(), l.isMerchant(), l.isCommercialAct())
                .query(Long.class).single();
        for (Long unitId : units(l.buildingId(), l.units(), actor)) {
            jdbc.sql("INSERT INTO lease_unit (lease_id, unit_id) VALUES (?, ?)").params(id, unitId).update();
        }
        events.publishEvent(new LeaseCreated(actor, id, l.code(), l.units(), l.monthlyRent(), l.managementFee(), l.dueDay(),
                l.startDate(), l.endDate()));
        charges.generateForLease(id, actor);
        return id;
    }

    /** What stops a lease from being created, each naming its field; empty when it can be. */
    public List<InvalidInput.FieldError> leaseConflicts(NewLease l) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (jdbc.sql("SELECT count(*) FROM lease WHERE code = ?").param(l.code()).query(Long.class).single() > 0) {
            errors.add(new InvalidInput.FieldError("code", l.code(), "이미 다른 계약의 코드입니다"));
        }
        if (jdbc.sql("SELECT count(*) FROM tenant WHERE id = ?").param(l.tenantId()).query(Long.class).single() == 0) {
            errors.add(new InvalidInput.FieldError("tenantId", l.tenantId(), "없는 임차인입니다"));
        }
        if (jdbc.sql("SELECT count(*) FROM building WHERE id = ?").param(l.buildingId()).query(Long.class).single() == 0) {
            errors.add(new InvalidInput.FieldError("buildingId", l.buildingId(), "없는 건물입니다"));
        }
        for (String unitNo : l.units()) {
            jdbc.sql("""
                    SELECT le.code FROM lease le JOIN lease_unit lu ON lu.lease_id = le.id JOIN unit u ON u.id = lu.unit_id
                    WHERE u.building_id = ? AND u.unit_no = ? AND le.start_date <= ? AND le.end_date >= ? LIMIT 1""")
                    .params(l.buildingId(), unitNo.trim(), l.endDate(), l.startDate())
                    .query(String.class).optional()
                    .ifPresent(code -> errors.add(new InvalidInput.FieldError("units", unitNo,
                            "기간이 겹치는 계약 " + code + "에 이미 임대된 호실입니다")));
        }
        return errors;
    }

    /**
     * Why this 가상계좌 cannot be the lease's, or empty when it can: digits only (10 to 20), and one
     * lease each, since a deposit to it is matched to the lease without a person.
     */
    public Optional<String> virtualAccountConflict(long leaseId, String virtualAccount) {
        String digits = Objects.toString(virtualAccountDigits(virtualAccount), "");
        if (!digits.isEmpty() && !digits.matches("\\d{10,20}")) {
            return Optional.of("가상계좌 번호(숫자 10~20자리, 하이픈 허용)여야 합니다");
        }
        return digits.isEmpty() ? Optional.empty() : jdbc.sql("SELECT code FROM lease WHERE virtual_account = ? AND id <> ?")
                .params(digits, leaseId).query(String.class).optional().map(code -> "이미 계약 " + code + "의 가상계좌입니다");
    }

    /** Sets (or, blank, clears) the lease's 가상계좌; 422 naming {@code virtualAccount} when it cannot be. */
    @Transactional
    public void virtualAccount(long leaseId, String virtualAccount, String actor) {
        virtualAccountConflict(leaseId, virtualAccount).ifPresent(why -> {
            throw InvalidInput.of("virtualAccount", virtualAccount, why);
        });
        String digits = virtualAccountDigits(virtualAccount);
        jdbc.sql("UPDATE lease SET virtual_account = ? WHERE id = ?").params(digits, leaseId).update();
        events.publishEvent(new VirtualAccountSet(actor, leaseId, digits));
    }

    /** A 가상계좌 as stored: without spaces and hyphens; null when blank. */
    private static String virtualAccountDigits(String virtualAccount) {
        return virtualAccount == null || virtualAccount.isBlank() ? null : virtualAccount.replaceAll("[\\s-]", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
