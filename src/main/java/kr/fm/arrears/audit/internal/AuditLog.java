package kr.fm.arrears.audit.internal;

import kr.fm.arrears.audit.AuditAction;

import kr.fm.arrears.shared.Viewer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.fm.arrears.shared.Sha256;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of the audit log. Events are written in the caller's transaction, so an action
 * and its audit event commit or roll back together. Each event carries the hash of the one before:
 * writers take a transaction-scoped advisory lock so the chain stays a single line.
 */
@Component
@RequiredArgsConstructor
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x417564697400L; // "Audit"

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final ObjectMapper json;

    /** What happened; {@code details} is any small map (ids, amounts) kept as JSON. */
    public record Event(String actor, AuditAction action, String subjectType, String subjectId, Long leaseId,
            String reason, Map<String, ?> details) {


        public Event because(String why) {
            return new Event(actor, action, subjectType, subjectId, leaseId, why, details);
        }

        public Event by(String who) {
            return new Event(who, action, subjectType, subjectId, leaseId, reason, details);
        }
    }

    /**
     * Records one action; called by the audit module's trails, which listen to the events the other
     * modules publish (they never call this themselves).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String actor, String subjectType, Object subjectId, Long leaseId,
            String reason, Map<String, ?> details) {
        record(new Event(actor, action, subjectType, Objects.toString(subjectId, null), leaseId, reason, details));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Event event) {
        recordAll(List.of(event));
    }

    /** Appends several events under one lock acquisition (batch writers, imports). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        String prev = jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(GENESIS);
        // PostgreSQL keeps microseconds; hash what is stored so verify can recompute it
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            String details = e.details() == null || e.details().isEmpty() ? null : toJson(e.details());
            String hash = hash(prev, at, e.actor(), e.action().name(), e.subjectType(), e.subjectId(), e.leaseId(), e.reason(), details);
            rows.add(new Object[] {Timestamp.from(at), e.actor(), e.action().name(), e.subjectType(), e.subjectId(), e.leaseId(),
                    e.reason(), details, prev, hash});
            prev = hash;
        }
        batch.batchUpdate("""
                INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, lease_id, reason, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Small ordered map for event details: {@code details("amount", 1000, "paidOn", date)}. */
    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit details are not serialisable: " + details, ex);
        }
    }

    public static String hash(String prev, Instant at, String actor, String action, String subjectType, String subjectId,
            Long leaseId, String reason, String details) {
        String canonical = String.join("\u001f", prev, at.toString(), actor, action, subjectType,
                Objects.toString(subjectId, ""), Objects.toString(leaseId, ""), Objects.toString(reason, ""),
                Objects.toString(details, ""));
        return Sha256.hex(canonical);
    }
}
