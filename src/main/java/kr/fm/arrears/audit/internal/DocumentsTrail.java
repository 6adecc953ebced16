package kr.fm.arrears.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.audit.DocumentDownloaded;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Downloads declared by the audit module itself (the evidence pack), as the audit log keeps them. */
@Component
@RequiredArgsConstructor
class DocumentsTrail {

    private final AuditLog log;

    @EventListener
    void on(DocumentDownloaded e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("document", e.document());
        details.put("file", e.file());
        details.putAll(e.details());
        log.record(AuditAction.DOCUMENT_DOWNLOADED, e.actor(), e.subjectType(), e.subjectId(), e.leaseId(), null, details);
    }
}
