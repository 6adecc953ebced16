package kr.fm.arrears.audit;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@RequiredArgsConstructor
class AuditController {

    private final AuditVerifier verifier;
    private final JdbcClient jdbc;

    @GetMapping("/verify")
    AuditVerifier.Result verify() {
        return verifier.verify();
    }

    /** Recent events, newest first, optionally for one lease. */
    @GetMapping("/events")
    List<Map<String, Object>> events(@RequestParam(required = false) Long leaseId,
            @RequestParam(defaultValue = "100") int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, lease_id, reason, details
                FROM audit_event WHERE (CAST(:lease AS BIGINT) IS NULL OR lease_id = :lease)
                ORDER BY id DESC LIMIT :limit""")
                .param("lease", leaseId)
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query().listOfRows();
    }
}
