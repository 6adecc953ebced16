package kr.fm.arrears.audit;

import kr.fm.arrears.audit.internal.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import javax.sql.DataSource;

/** Walks the chain in order and reports the first event whose link or content does not hold. */
@Component
public class AuditVerifier {

    private final JdbcTemplate jdbc;

    public AuditVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // with a fetch size inside a transaction PostgreSQL streams through a cursor:
        // the log may be far larger than memory
        this.jdbc.setFetchSize(1000);
    }

    public record Result(boolean intact, long eventsChecked, Long firstBrokenId, String problem) {}

    @Transactional(readOnly = true)
    public Result verify() {
        var walker = new Walker();
        jdbc.query("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, lease_id, reason, details, prev_hash, hash
                FROM audit_event ORDER BY id""", walker);
        return walker.broken == null
                ? new Result(true, walker.checked, null, null)
                : new Result(false, walker.checked, walker.broken, walker.problem);
    }

    private static final class Walker implements RowCallbackHandler {
        String prev = AuditLog.GENESIS;
        long checked;
        Long broken;
        String problem;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            checked++;
            long id = rs.getLong("id");
            Instant at = rs.getTimestamp("occurred_at").toInstant();
            long lease = rs.getLong("lease_id");
            Long leaseId = rs.wasNull() ? null : lease;
            String expected = AuditLog.hash(rs.getString("prev_hash"), at, rs.getString("actor"), rs.getString("action"),
                    rs.getString("subject_type"), rs.getString("subject_id"), leaseId, rs.getString("reason"),
                    rs.getString("details"));
            if (!prev.equals(rs.getString("prev_hash"))) {
                broken = id;
                problem = "event " + id + " does not point to the hash of the event before it";
            } else if (!expected.equals(rs.getString("hash"))) {
                broken = id;
                problem = "event " + id + " was altered: its content no longer matches its hash";
            }
            prev = rs.getString("hash");
        }
    }
}
