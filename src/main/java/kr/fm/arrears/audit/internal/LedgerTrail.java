package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import java.util.Map;
import java.util.Objects;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.ledger.BuildingCreated;
import kr.fm.arrears.ledger.ChargeGenerationFailed;
import kr.fm.arrears.ledger.ChargesCancelled;
import kr.fm.arrears.ledger.ChargesCreated;
import kr.fm.arrears.ledger.DepositChanged;
import kr.fm.arrears.ledger.LandlordBankAccountSet;
import kr.fm.arrears.ledger.LandlordCreated;
import kr.fm.arrears.ledger.LeaseCreated;
import kr.fm.arrears.ledger.LeaseEndedEarly;
import kr.fm.arrears.ledger.LeaseTermsChanged;
import kr.fm.arrears.ledger.PaymentRebooked;
import kr.fm.arrears.ledger.PaymentReversed;
import kr.fm.arrears.ledger.PaymentsApplied;
import kr.fm.arrears.ledger.PortfolioGenerated;
import kr.fm.arrears.ledger.TenantCorrected;
import kr.fm.arrears.ledger.TenantCreated;
import kr.fm.arrears.ledger.UnitCreated;
import kr.fm.arrears.ledger.VirtualAccountSet;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the ledger did, as the audit log keeps it. Listeners run in the publisher's transaction, so
 * the change and its audit events commit or roll back together; a batch is written under one lock.
 */
@Component
@RequiredArgsConstructor
class LedgerTrail {

    private final AuditLog log;

    @EventListener
    void on(LandlordCreated e) {
        log.record(AuditAction.LANDLORD_CREATED, e.actor(), "LANDLORD", e.landlordId(), null, null, details("name", e.name()));
    }

    @EventListener
    void on(BuildingCreated e) {
        log.record(AuditAction.BUILDING_CREATED, e.actor(), "BUILDING", e.buildingId(), null, null,
                details("name", e.name(), "landlordId", e.landlordId()));
    }

    @EventListener
    void on(UnitCreated e) {
        log.record(AuditAction.UNIT_CREATED, e.actor(), "UNIT", e.unitId(), null, null,
                details("buildingId", e.buildingId(), "unitNo", e.unitNo()));
    }

    @EventListener
    void on(TenantCreated e) {
        log.record(AuditAction.TENANT_CREATED, e.actor(), "TENANT", e.tenantId(), null, null,
                details("name", e.name(), "businessNo", e.businessNo()));
    }

    @EventListener
    void on(LeaseCreated e) {
        log.record(AuditAction.LEASE_CREATED, e.actor(), "LEASE", e.leaseId(), e.leaseId(), null,
                details("code", e.code(), "units", e.units(), "monthlyRent", e.monthlyRent(), "managementFee",
                        e.managementFee(), "dueDay", e.dueDay(), "startDate", e.startDate(), "endDate", e.endDate()));
    }

    @EventListener
    void on(VirtualAccountSet e) {
        log.record(AuditAction.LEASE_VIRTUAL_ACCOUNT_SET, e.actor(), "LEASE", e.leaseId(), e.leaseId(), null,
                details("virtualAccount", Objects.toString(e.virtualAccount(), "")));
    }

    @EventListener
    void on(ChargesCreated e) {
        log.recordAll(e.charges().stream().map(c -> event(AuditAction.CHARGE_CREATED, e.actor(), "CHARGE", c.chargeId(),
                c.leaseId(), null, details("kind", c.kind(), "period", c.period().toString(), "dueDate", c.dueDate(),
                        "amount", c.amount(), "vat", c.vat()))).toList());
    }

    @EventListener
    void on(ChargeGenerationFailed e) {
        log.recordAll(e.leaseIds().stream().map(id -> event(AuditAction.CHARGE_GENERATION_FAILED, e.actor(), "LEASE", id, id,
                e.reason(), details("period", e.period().toString()))).toList());
    }

    @EventListener
    void on(PaymentsApplied e) {
        log.recordAll(e.payments().stream().map(p -> event(AuditAction.PAYMENT_APPLIED, e.actor(), "PAYMENT", p.paymentId(),
                p.leaseId(), null, details("bankReference", p.bankReference(), "paidOn", p.paidOn(), "amount", p.amount())))
                .toList());
    }

    @EventListener
    void on(PaymentReversed e) {
        log.record(AuditAction.PAYMENT_REVERSED, e.actor(), "PAYMENT", e.paymentId(), e.leaseId(), e.reason(),
                details("paymentId", e.paymentId()));
    }

    @EventListener
    void on(LandlordBankAccountSet e) {
        log.record(AuditAction.LANDLORD_BANK_ACCOUNT_SET, e.actor(), "LANDLORD", e.landlordId(), null, e.reason(),
                details("before", e.before(), "after", e.after()));
    }

    @EventListener
    void on(TenantCorrected e) {
        log.record(AuditAction.TENANT_CORRECTED, e.actor(), "TENANT", e.tenantId(), null, e.reason(),
                details("changes", e.changes()));
    }

    @EventListener
    void on(LeaseTermsChanged e) {
        log.record(AuditAction.LEASE_TERMS_CHANGED, e.actor(), "LEASE", e.leaseId(), e.leaseId(), e.reason(),
                details("fromMonth", e.fromMonth().toString(), "before", e.before(), "after", e.after()));
    }

    @EventListener
    void on(LeaseEndedEarly e) {
        log.record(AuditAction.LEASE_ENDED_EARLY, e.actor(), "LEASE", e.leaseId(), e.leaseId(), e.reason(),
                details("agreedEnd", e.agreedEnd(), "moveOutOn", e.moveOutOn()));
    }

    @EventListener
    void on(DepositChanged e) {
        log.record(AuditAction.LEASE_DEPOSIT_CHANGED, e.actor(), "LEASE", e.leaseId(), e.leaseId(), e.reason(),
                details("from", e.from(), "to", e.to()));
    }

    @EventListener
    void on(ChargesCancelled e) {
        log.recordAll(e.charges().stream().map(c -> event(AuditAction.CHARGE_CANCELLED, e.actor(), "CHARGE", c.chargeId(),
                c.leaseId(), e.reason(), details("kind", c.kind(), "period", c.period().toString(), "dueDate", c.dueDate(),
                        "amount", c.amount(), "vat", c.vat()))).toList());
    }

    @EventListener
    void on(PaymentRebooked e) {
        log.record(AuditAction.PAYMENT_REBOOKED, e.actor(), "PAYMENT", e.fromPaymentId(), e.toLeaseId(), e.reason(),
                details("fromLeaseId", e.fromLeaseId(), "toPaymentId", e.toPaymentId(), "amount", e.amount()));
    }

    @EventListener
    void on(PortfolioGenerated e) {
        log.record(AuditAction.PORTFOLIO_GENERATED, e.actor(), "PORTFOLIO", e.seed(), null, null,
                details("leases", e.leases(), "charges", e.charges(), "payments", e.payments(), "through",
                        e.through().toString(), "firstLandlordLeases", e.firstLandlordLeases()));
    }

    /** One row of a batch, for {@link AuditLog#recordAll} (the bank's and the imports' trails use it too). */
    static AuditLog.Event event(AuditAction action, String actor, String subjectType, Object subjectId, Long leaseId,
            String reason, Map<String, ?> details) {
        return new AuditLog.Event(actor, action, subjectType, Objects.toString(subjectId, null), leaseId, reason, details);
    }
}
