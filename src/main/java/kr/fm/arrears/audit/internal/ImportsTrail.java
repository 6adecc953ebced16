package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.imports.LeasesImported;
import kr.fm.arrears.imports.PaymentsImported;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The imports as the audit log keeps them: one event a file, after the rows it created (those are
 * the ledger's own events), in the import's transaction.
 */
@Component
@RequiredArgsConstructor
class ImportsTrail {

    private final AuditLog log;

    @EventListener
    void on(LeasesImported e) {
        log.record(AuditAction.IMPORT_COMPLETED, e.actor(), "IMPORT", e.fileName(), null, null,
                details("kind", "leases", "rows", e.rows(), "leasesCreated", e.leasesCreated(), "sha256", e.sha256()));
    }

    @EventListener
    void on(PaymentsImported e) {
        log.record(AuditAction.IMPORT_COMPLETED, e.actor(), "IMPORT", e.fileName(), null, null,
                details("kind", "payments", "rows", e.rows(), "recorded", e.recorded(), "sha256", e.sha256()));
    }
}
