package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import java.util.Map;
import java.util.Objects;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.history.HistoryDownloaded;
import kr.fm.arrears.history.HistoryFilter;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The history's downloads, as the audit log keeps them: who, which file, the filter and how many. */
@Component
@RequiredArgsConstructor
class HistoryTrail {

    private final AuditLog log;

    @EventListener
    void on(HistoryDownloaded e) {
        HistoryFilter f = e.filter();
        Map<String, Object> details = details("document", e.document(), "file", e.file(), "count", e.count(),
                "landlordId", e.landlordId(), "buildingId", f.buildingId(), "tenantId", f.tenantId(), "from", f.from(),
                "to", f.to(), "status", f.status(), "kind", f.kind());
        details.values().removeIf(Objects::isNull); // only what the filter named
        if (e.noticeIds() != null) {
            details.put("noticeIds", e.noticeIds());
        }
        log.record(AuditAction.DOCUMENT_DOWNLOADED, e.actor(), "HISTORY", e.file(), null, null, details);
    }
}
