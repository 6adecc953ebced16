package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;
import static kr.fm.arrears.audit.internal.LedgerTrail.event;

import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.bank.BankColumnsSaved;
import kr.fm.arrears.bank.BankLineAssigned;
import kr.fm.arrears.bank.BankLineNotRent;
import kr.fm.arrears.bank.BankLineReversed;
import kr.fm.arrears.bank.BankLineSplit;
import kr.fm.arrears.bank.BankStatementImported;
import kr.fm.arrears.bank.PayerAliasAdded;
import kr.fm.arrears.bank.PayerAliasRemoved;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the bank statements and a person's decisions on their lines did, as the audit log keeps it,
 * in the publisher's transaction. An import's automatic matches and the import itself go under one lock.
 */
@Component
@RequiredArgsConstructor
class BankTrail {

    private final AuditLog log;

    @EventListener
    void on(BankStatementImported e) {
        List<AuditLog.Event> events = new ArrayList<>(e.matched().size() + 1);
        for (BankStatementImported.Matched m : e.matched()) {
            events.add(event(AuditAction.BANK_LINE_MATCHED, e.actor(), "BANK_LINE", m.lineId(), m.leaseId(),
                    "자동 매칭: " + m.rule(), details("rule", m.rule(), "amount", m.amount(), "paymentId", m.paymentId(),
                            "statementId", e.statementId())));
        }
        events.add(event(AuditAction.BANK_STATEMENT_IMPORTED, e.actor(), "BANK_STATEMENT", e.statementId(), null, null,
                details("account", e.account(), "file", e.file(), "sha256", e.sha256(), "layout", e.layout(), "deposits",
                        e.deposits(), "newLines", e.newLines(), "matched", e.matched().size())));
        log.recordAll(events);
    }

    @EventListener
    void on(BankColumnsSaved e) {
        log.record(AuditAction.BANK_COLUMNS_SAVED, e.actor(), "BANK_ACCOUNT", e.accountNo(), null, null,
                details("landlordId", e.landlordId(), "columns", e.columns()));
    }

    @EventListener
    void on(BankLineAssigned e) {
        List<AuditLog.Event> events = new ArrayList<>(2);
        events.add(event(AuditAction.BANK_LINE_ASSIGNED, e.actor(), "BANK_LINE", e.lineId(), e.leaseId(), null,
                details("amount", e.amount(), "payer", e.payer(), "teachAlias", e.teachAlias())));
        if (e.learnedAlias() != null) {
            events.add(event(AuditAction.PAYER_ALIAS_LEARNED, e.actor(), "LEASE", e.leaseId(), e.leaseId(), null,
                    details("payer", e.payer(), "alias", e.learnedAlias(), "bankLineId", e.lineId())));
        }
        log.recordAll(events);
    }

    @EventListener
    void on(BankLineSplit e) {
        log.record(AuditAction.BANK_LINE_SPLIT, e.actor(), "BANK_LINE", e.lineId(), null, null,
                details("amount", e.amount(), "parts", e.parts()));
    }

    @EventListener
    void on(BankLineNotRent e) {
        log.record(AuditAction.BANK_LINE_NOT_RENT, e.actor(), "BANK_LINE", e.lineId(), null, e.reason(),
                details("amount", e.amount(), "payer", e.payer()));
    }

    @EventListener
    void on(BankLineReversed e) {
        log.recordAll(e.payments().stream().map(p -> event(AuditAction.BANK_LINE_REVERSED, e.actor(), "BANK_LINE", e.lineId(),
                p.leaseId(), e.reason(), details("paymentId", p.paymentId(), "amount", e.amount()))).toList());
    }

    @EventListener
    void on(PayerAliasAdded e) {
        log.record(AuditAction.PAYER_ALIAS_ADDED, e.actor(), "LEASE", e.leaseId(), e.leaseId(), e.reason(),
                details("payer", e.payer(), "alias", e.alias()));
    }

    @EventListener
    void on(PayerAliasRemoved e) {
        log.record(AuditAction.PAYER_ALIAS_REMOVED, e.actor(), "LEASE", e.leaseId(), e.leaseId(), e.reason(),
                details("alias", e.alias()));
    }
}
