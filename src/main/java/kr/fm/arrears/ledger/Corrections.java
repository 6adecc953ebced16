package kr.fm.arrears.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.PhoneNumber;
import kr.fm.arrears.shared.Text;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.Won;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC "Corrections": nothing in the ledger is deleted. A charge is cancelled with a reason (the row stays,
 * the balances leave it out); lease terms change from a month on (the charges of earlier months keep their
 * amounts, those from then on are re-issued at the new ones); a lease ends early (charges due after the
 * move-out are cancelled, generation stops); the deposit and the tenant's contacts are corrected. Each
 * change is published as an event the audit log keeps with who and why. Payments are reversed and re-booked
 * by {@link Payments}. Arrears need no recomputing: they are always computed from the ledger as it stands.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Corrections {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LedgerViews views;
    private final ChargeGenerator generator;

    // ---- tenant

    /** New contacts of a tenant: null leaves a field as it is, blank clears it. */
    public record Contacts(String representative, String phone, String email, String address) {}

    @Transactional
    public LedgerViews.Tenant tenantContacts(Viewer viewer, long tenantId, Contacts c, String reason) {
        LedgerViews.Tenant t = views.tenant(viewer, tenantId).orElseThrow(() -> new NotFound("tenant", tenantId));
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String representative = text(errors, "representative", c.representative(), t.representative(), 100);
        String address = text(errors, "address", c.address(), t.address(), 500);
        String email = text(errors, "email", c.email(), t.email(), 200);
        if (email != null && !Objects.equals(email, t.email()) && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new InvalidInput.FieldError("email", c.email(), "이메일 주소 형식이 아닙니다 (예: ds@daesung.co.kr)"));
        }
        String phone = t.phone();
        if (c.phone() != null) {
            phone = c.phone().isBlank() ? null : PhoneNumber.toE164(c.phone());
            if (!c.phone().isBlank() && phone == null) {
                errors.add(new InvalidInput.FieldError("phone", c.phone(), "휴대전화나 일반 전화번호가 아닙니다 (예: 010-2345-6789)"));
            }
        }
        String why = reasonOr(errors, reason);
        refuseIfAny(errors);
        Map<String, TenantCorrected.Change> changes = new LinkedHashMap<>();
        change(changes, "representative", t.representative(), representative);
        change(changes, "phone", t.phone(), phone);
        change(changes, "email", t.email(), email);
        change(changes, "address", t.address(), address);
        if (changes.isEmpty()) {
            return t;
        }
        jdbc.sql("UPDATE tenant SET representative = ?, phone = ?, email = ?, address = ? WHERE id = ?")
                .params(representative, phone, email, address, tenantId).update();
        events.publishEvent(new TenantCorrected(viewer.name(), tenantId, changes, why));
        return views.tenant(viewer, tenantId).orElseThrow();
    }

    // ---- landlord

    /** The account tenants pay into: bank, number (digits and hyphens, as the bank prints it) and holder. */
    public record BankAccount(String bankName, String accountNo, String holder) {}

    /**
     * Sets or corrects the landlord's account to pay into (each field required: a reminder prints all
     * three). The number keeps the hyphens it was typed with, since reminders print it; it must have 6 to
     * 20 digits, like the statements the bank module reads.
     */
    @Transactional
    public LedgerViews.Landlord landlordBankAccount(Viewer viewer, long landlordId, BankAccount b, String reason) {
        LedgerViews.Landlord l = views.landlord(viewer, landlordId).orElseThrow(() -> new NotFound("landlord", landlordId));
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String bank = required(errors, "bankName", b.bankName(), 50);
        String holder = required(errors, "accountHolder", b.holder(), 100);
        String number = required(errors, "bankAccount", b.accountNo(), 40);
        if (number != null) {
            number = number.replaceAll("\\s", "");
            String digits = number.replace("-", "");
            if (!number.matches("[0-9-]+") || digits.length() < 6 || digits.length() > 20 || number.startsWith("-")
                    || number.endsWith("-") || number.contains("--")) {
                errors.add(new InvalidInput.FieldError("bankAccount", b.accountNo(),
                        "계좌번호는 숫자 6~20자리와 하이픈(-)으로 입력하세요 (예: 110-234-567890)"));
            }
        }
        String why = reasonOr(errors, reason);
        refuseIfAny(errors);
        LandlordBankAccountSet.Account before = new LandlordBankAccountSet.Account(l.bankName(), l.bankAccount(), l.accountHolder());
        LandlordBankAccountSet.Account after = new LandlordBankAccountSet.Account(bank, number, holder);
        if (before.equals(after)) {
            return l;
        }
        jdbc.sql("UPDATE landlord SET bank_name = ?, bank_account = ?, account_holder = ? WHERE id = ?")
                .params(bank, number, holder, landlordId).update();
        events.publishEvent(new LandlordBankAccountSet(viewer.name(), landlordId, before, after, why));
        return views.landlord(viewer, landlordId).orElseThrow();
    }

    private static String required(List<InvalidInput.FieldError> errors, String field, String given, int max) {
        String value = text(errors, field, given == null ? "" : given, null, max);
        if (value == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new InvalidInput.FieldError(field, given, "비워 둘 수 없습니다"));
        }
        return value;
    }

    private static String text(List<InvalidInput.FieldError> errors, String field, String given, String current, int max) {
        if (given == null) {
            return current;
        }
        String value = Text.normalised(given).strip();
        if (value.length() > max) {
            errors.add(new InvalidInput.FieldError(field, given, max + "자 이내로 입력하세요"));
        } else if (Text.hasControlCharacter(value)) {
            errors.add(new InvalidInput.FieldError(field, given, Text.CONTROL_CHARACTER));
        }
        return value.isEmpty() ? null : value;
    }

    private static void change(Map<String, TenantCorrected.Change> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new TenantCorrected.Change(from, to));
        }
    }

    /** Bad input changes nothing: one answer names every wrong field. */
    private static void refuseIfAny(List<InvalidInput.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** The reason, or its error added to the others so that one answer names every wrong field. */
    private static String reasonOr(List<InvalidInput.FieldError> errors, String reason) {
        try {
            return Text.reason(reason);
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    // ---- lease

    private record LeaseRow(long id, String code, LocalDate startDate, LocalDate endDate, long monthlyRent,
            long managementFee, int dueDay, long deposit, boolean vatApplies) {}

    /** The lease if {@code viewer} may see it (else 404), locked when it is to be changed. */
    private LeaseRow lease(Viewer viewer, long leaseId, boolean lock) {
        views.lease(viewer, leaseId).orElseThrow(() -> new NotFound("lease", leaseId));
        return jdbc.sql("""
                SELECT id, code, start_date, end_date, monthly_rent, management_fee, due_day, deposit, vat_applies
                FROM lease WHERE id = ?""" + (lock ? " FOR UPDATE" : "")).param(leaseId).query(LeaseRow.class).single();
    }

    /** Terms from a month on; a term left null stays as it is then. */
    public record NewTerms(YearMonth fromMonth, Long monthlyRent, Long managementFee, Integer dueDay) {}

    /** A row of a lease's terms history: what applies from {@code fromMonth} until the next row's month. */
    public record TermsFrom(YearMonth fromMonth, long monthlyRent, long managementFee, int dueDay, String reason,
            String changedBy) {}

    /**
     * Rent, fee or due day from a month on. The charges of that month and later (up to the next change) that
     * were already issued at other amounts or on another day are cancelled and issued again at the new terms;
     * later months are generated at them; earlier months keep theirs.
     */
    @Transactional
    public List<TermsFrom> changeTerms(Viewer viewer, long leaseId, NewTerms n, String reason) {
        LeaseRow l = lease(viewer, leaseId, true);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String why = reasonOr(errors, reason);
        YearMonth from = n.fromMonth();
        if (from == null) {
            errors.add(new InvalidInput.FieldError("fromMonth", null, "적용할 달을 입력하세요 (예: 2026-06)"));
        } else if (from.isBefore(YearMonth.from(l.startDate())) || from.isAfter(YearMonth.from(l.endDate()))) {
            errors.add(new InvalidInput.FieldError("fromMonth", from.toString(),
                    "계약 기간(" + YearMonth.from(l.startDate()) + "~" + YearMonth.from(l.endDate()) + ") 안의 달이어야 합니다"));
        }
        amount(errors, "monthlyRent", n.monthlyRent());
        amount(errors, "managementFee", n.managementFee());
        if (n.dueDay() != null && (n.dueDay() < 1 || n.dueDay() > 31)) {
            errors.add(new InvalidInput.FieldError("dueDay", n.dueDay(), "납부일은 1일부터 31일 사이여야 합니다"));
        }
        if (n.monthlyRent() == null && n.managementFee() == null && n.dueDay() == null) {
            errors.add(new InvalidInput.FieldError("monthlyRent", null, "바꿀 차임, 관리비 또는 납부일을 입력하세요"));
        }
        refuseIfAny(errors);
        List<TermsFrom> history = terms(l);
        LeaseTermsChanged.Terms before = inEffect(history, from);
        LeaseTermsChanged.Terms after = new LeaseTermsChanged.Terms(
                n.monthlyRent() != null ? n.monthlyRent() : before.monthlyRent(),
                n.managementFee() != null ? n.managementFee() : before.managementFee(),
                n.dueDay() != null ? n.dueDay() : before.dueDay());
        if (after.equals(before)) {
            throw InvalidInput.of("fromMonth", from.toString(), from + "부터 이미 같은 조건입니다");
        }
        if (!hasHistory(leaseId) && from.isAfter(YearMonth.from(l.startDate()))) {
            // the first change keeps the agreed terms as the history's first row
            insertTerms(leaseId, YearMonth.from(l.startDate()), before, "계약 당초 조건", viewer.name());
        }
        insertTerms(leaseId, from, after, why, viewer.name());
        // the lease's columns hold the latest terms: what a month costs now and later
        jdbc.sql("""
                UPDATE lease l SET monthly_rent = t.monthly_rent, management_fee = t.management_fee, due_day = t.due_day
                FROM (SELECT monthly_rent, management_fee, due_day FROM lease_terms WHERE lease_id = ?
                      ORDER BY from_month DESC, id DESC LIMIT 1) t WHERE l.id = ?""").params(leaseId, leaseId).update();
        events.publishEvent(new LeaseTermsChanged(viewer.name(), leaseId, from, before, after, why));
        YearMonth until = history.stream().map(TermsFrom::fromMonth).filter(m -> m.isAfter(from)).min(YearMonth::compareTo)
                .orElse(null);
        reissue(l, from, until, after, "임대 조건 변경 (" + from + "부터): " + why, viewer.name());
        generator.generateForLease(leaseId, viewer.name()); // months where a term was 0 and now is not
        return terms(l);
    }

    private static void amount(List<InvalidInput.FieldError> errors, String field, Long won) {
        if (won != null && (won < 0 || won > Won.MAX)) {
            errors.add(new InvalidInput.FieldError(field, won, "0원부터 " + Won.format(Won.MAX) + " 사이의 금액이어야 합니다"));
        }
    }

    /** The lease's terms history, oldest first; only the lease's own terms when it never changed. */
    @Transactional(readOnly = true)
    public List<TermsFrom> terms(Viewer viewer, long leaseId) {
        return terms(lease(viewer, leaseId, false));
    }

    private List<TermsFrom> terms(LeaseRow l) {
        List<TermsFrom> rows = jdbc.sql("""
                SELECT from_month, monthly_rent, management_fee, due_day, reason, changed_by FROM lease_terms
                WHERE lease_id = ? ORDER BY from_month, id""").param(l.id())
                .query((rs, i) -> new TermsFrom(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2), rs.getLong(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6))).list();
        return rows.isEmpty() ? List.of(new TermsFrom(YearMonth.from(l.startDate()), l.monthlyRent(), l.managementFee(),
                l.dueDay(), "계약 당초 조건", null)) : rows;
    }

    private boolean hasHistory(long leaseId) {
        return jdbc.sql("SELECT count(*) FROM lease_terms WHERE lease_id = ?").param(leaseId).query(Long.class).single() > 0;
    }

    /** The terms of a month: the latest row from it or before (a later row of the same month wins). */
    private static LeaseTermsChanged.Terms inEffect(List<TermsFrom> history, YearMonth month) {
        TermsFrom t = history.get(0);
        for (TermsFrom row : history) {
            if (!row.fromMonth().isAfter(month)) {
                t = row;
            }
        }
        return new LeaseTermsChanged.Terms(t.monthlyRent(), t.managementFee(), t.dueDay());
    }

    private void insertTerms(long leaseId, YearMonth from, LeaseTermsChanged.Terms t, String reason, String actor) {
        jdbc.sql("""
                INSERT INTO lease_terms (lease_id, from_month, monthly_rent, management_fee, due_day, reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(leaseId, from.atDay(1), t.monthlyRent(), t.managementFee(), t.dueDay(), reason, actor,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Cancels the live rent and fee charges of [from, until) issued at other terms and issues them again at these. */
    private void reissue(LeaseRow l, YearMonth from, YearMonth until, LeaseTermsChanged.Terms t, String reason, String actor) {
        List<Charge> issued = jdbc.sql("""
                SELECT id, lease_id, kind, period, due_date, amount, vat FROM charge
                WHERE lease_id = ? AND kind IN ('RENT', 'MANAGEMENT_FEE') AND cancelled_at IS NULL
                  AND period >= ? AND (CAST(? AS DATE) IS NULL OR period < ?) ORDER BY period, kind""")
                .params(l.id(), from.atDay(1), until == null ? null : until.atDay(1), until == null ? null : until.atDay(1))
                .query(Ledger::charge).list();
        record Reissue(Charge old, long amount, LocalDate due) {}
        List<Reissue> stale = new ArrayList<>();
        for (Charge c : issued) {
            Reissue r = new Reissue(c, c.kind() == ChargeKind.RENT ? t.monthlyRent() : t.managementFee(),
                    DueDates.in(YearMonth.from(c.period()), t.dueDay()));
            if (r.amount() != c.amount() || !r.due().equals(c.dueDate())) {
                stale.add(r);
            }
        }
        cancel(stale.stream().map(Reissue::old).toList(), reason, actor);
        List<ChargesCreated.Created> created = new ArrayList<>();
        for (Reissue r : stale) {
            if (r.amount() == 0 || r.due().isBefore(l.startDate()) || r.due().isAfter(l.endDate())) {
                continue; // as generation would: no charge of 0원, none outside the term
            }
            long vat = Vat.of(r.amount(), l.vatApplies());
            long id = jdbc.sql("INSERT INTO charge (lease_id, kind, period, due_date, amount, vat) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                    .params(l.id(), r.old().kind().name(), r.old().period(), r.due(), r.amount(), vat).query(Long.class).single();
            created.add(new ChargesCreated.Created(id, l.id(), r.old().kind(), YearMonth.from(r.old().period()), r.due(),
                    r.amount(), vat));
        }
        if (!created.isEmpty()) {
            events.publishEvent(new ChargesCreated(actor, created));
        }
    }

    /**
     * The tenant moved out before the lease's end: it ends that day, the charges due after it are cancelled
     * (not deleted) and no more are generated. The arrears up to the move-out stay owed.
     */
    @Transactional
    public void moveOut(Viewer viewer, long leaseId, LocalDate moveOutOn, String reason) {
        LeaseRow l = lease(viewer, leaseId, true);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String why = reasonOr(errors, reason);
        if (moveOutOn == null) {
            errors.add(new InvalidInput.FieldError("moveOutOn", null, "퇴거일을 입력하세요"));
        } else if (moveOutOn.isBefore(l.startDate()) || !moveOutOn.isBefore(l.endDate())) {
            errors.add(new InvalidInput.FieldError("moveOutOn", moveOutOn.toString(), "계약 시작일(" + l.startDate()
                    + ") 이후, 종료일(" + l.endDate() + ") 전의 날이어야 합니다"));
        }
        refuseIfAny(errors);
        jdbc.sql("UPDATE lease SET end_date = ? WHERE id = ?").params(moveOutOn, leaseId).update();
        events.publishEvent(new LeaseEndedEarly(viewer.name(), leaseId, l.endDate(), moveOutOn, why));
        cancel(jdbc.sql("""
                SELECT id, lease_id, kind, period, due_date, amount, vat FROM charge
                WHERE lease_id = ? AND due_date > ? AND cancelled_at IS NULL ORDER BY due_date, id""")
                .params(leaseId, moveOutOn).query(Ledger::charge).list(), "조기 종료 (퇴거일 " + moveOutOn + "): " + why, viewer.name());
    }

    @Transactional
    public void changeDeposit(Viewer viewer, long leaseId, Long deposit, String reason) {
        LeaseRow l = lease(viewer, leaseId, true);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String why = reasonOr(errors, reason);
        if (deposit == null) {
            errors.add(new InvalidInput.FieldError("deposit", null, "보증금을 입력하세요"));
        }
        amount(errors, "deposit", deposit);
        refuseIfAny(errors);
        if (deposit == l.deposit()) {
            return;
        }
        jdbc.sql("UPDATE lease SET deposit = ? WHERE id = ?").params(deposit, leaseId).update();
        events.publishEvent(new DepositChanged(viewer.name(), leaseId, l.deposit(), deposit, why));
    }

    // ---- charge

    /** The lease a charge belongs to, if {@code viewer} may see it; else 404. */
    public long leaseOfCharge(Viewer viewer, long chargeId) {
        return jdbc.sql("""
                SELECT c.lease_id FROM charge c JOIN lease l ON l.id = c.lease_id JOIN building b ON b.id = l.building_id
                WHERE c.id = :id AND (CAST(:scope AS BIGINT) IS NULL OR b.landlord_id = :scope)""")
                .param("id", chargeId).param("scope", viewer.landlordFilter(null)).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("charge", chargeId));
    }

    /** A charge generated or imported by mistake, cancelled with a reason; 409 when it was cancelled before. */
    @Transactional
    public void cancelCharge(Viewer viewer, long chargeId, String reason) {
        long leaseId = leaseOfCharge(viewer, chargeId);
        String why = Text.reason(reason);
        List<Charge> live = jdbc.sql("""
                SELECT id, lease_id, kind, period, due_date, amount, vat FROM charge
                WHERE id = ? AND lease_id = ? AND cancelled_at IS NULL FOR UPDATE""")
                .params(chargeId, leaseId).query(Ledger::charge).list();
        if (live.isEmpty()) {
            throw new Conflict("이미 취소된 청구입니다 (청구 " + chargeId + ")");
        }
        cancel(live, why, viewer.name());
    }

    private void cancel(List<Charge> charges, String reason, String actor) {
        if (charges.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE charge SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ANY(?) AND cancelled_at IS NULL")
                .params(Timestamp.from(clock.instant()), actor, reason, charges.stream().map(Charge::id).toArray(Long[]::new))
                .update();
        events.publishEvent(new ChargesCancelled(actor, reason, charges.stream().map(c -> new ChargesCancelled.Cancelled(c.id(),
                c.leaseId(), c.kind(), c.period(), c.dueDate(), c.amount(), c.vat())).toList()));
    }
}
