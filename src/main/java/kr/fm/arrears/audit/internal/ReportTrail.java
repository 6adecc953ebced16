package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.report.ReportDownloaded;
import kr.fm.arrears.report.ReportGenerated;
import kr.fm.arrears.report.ReportSettingsChanged;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The monthly owner reports, as the audit log keeps them: each one made (or made again), each download, the settings. */
@Component
@RequiredArgsConstructor
class ReportTrail {

    private final AuditLog log;

    @EventListener
    void on(ReportGenerated e) {
        log.record(AuditAction.REPORT_GENERATED, e.actor(), "OWNER_REPORT", e.reportId(), null, e.replaced() ? "REPLACED" : null,
                details("landlordId", e.landlordId(), "month", e.month().toString(), "sha256", e.sha256()));
    }

    @EventListener
    void on(ReportSettingsChanged e) {
        log.record(AuditAction.REPORT_SETTINGS_CHANGED, e.actor(), "LANDLORD", e.settings().landlordId(), null, null,
                details("optedOut", e.settings().optedOut(), "accountantEmail", e.settings().accountantEmail(),
                        "accountantPhone", e.settings().accountantPhone()));
    }

    @EventListener
    void on(ReportDownloaded e) {
        log.record(AuditAction.DOCUMENT_DOWNLOADED, e.actor(), "OWNER_REPORT", e.reportId(), null, null,
                details("document", "OWNER_REPORT", "landlordId", e.landlordId(), "month", e.month().toString()));
    }
}
