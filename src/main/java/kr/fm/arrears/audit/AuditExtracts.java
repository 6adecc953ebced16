package kr.fm.arrears.audit;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's events of one lease, for a file that must show what was done and that the record
 * was not altered (a case's evidence pack): the events with their hashes, and the chain's
 * verification at the moment they were read.
 */
@Component
@RequiredArgsConstructor
public class AuditExtracts {

    /** One event as stored: {@code details} is its JSON, {@code hash} the chain's link to it. */
    public record Event(long id, Instant at, String actor, String action, String subjectType, String subjectId, String reason,
            String details, String prevHash, String hash) {}

    /** The lease's events in the order of the chain, and the verification of the whole chain. */
    public record Extract(List<Event> events, AuditVerifier.Result verification) {}

    private final JdbcClient jdbc;
    private final AuditVerifier verifier;

    @Transactional(readOnly = true)
    public Extract lease(long leaseId) {
        List<Event> events = jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, reason, details::text AS details, prev_hash, hash
                FROM audit_event WHERE lease_id = ? ORDER BY id""").param(leaseId)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("reason"),
                        rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash")))
                .list();
        return new Extract(events, verifier.verify());
    }
}
