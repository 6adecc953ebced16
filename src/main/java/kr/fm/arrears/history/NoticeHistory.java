package kr.fm.arrears.history;

import kr.fm.arrears.shared.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice history: every reminder (a message of the outbox) and every certified notice sent on a
 * landlord's behalf, newest first. Each query is narrowed in SQL to the caller's own landlord when
 * the caller is a LANDLORD (the {@link kr.fm.arrears.shared.Viewer} handed in); staff see all, or one landlord when they name it.
 * A LANDLORD sees all of their notices, drafts awaiting their consent included.
 */
@Service
public class NoticeHistory {

    /** Reminders are the messages of these stages; RESOLVED is a thank-you, not a reminder. */
    static final String REMINDER_STAGES = "('UPCOMING', 'REMINDER_1', 'REMINDER_2', 'FINAL_REMINDER')";
    /** The reminders about overdue charges: the ones a payment can be "after". */
    static final String OVERDUE_REMINDER_STAGES = "('REMINDER_1', 'REMINDER_2', 'FINAL_REMINDER')";

    // a message happened when it left (or was queued/skipped, while it has not); a notice when it
    // went to the post office, else when it was approved, else when it was drafted
    private static final String ENTRIES = """
            WITH entry AS (
                SELECT 'REMINDER' AS kind, m.id, coalesce(m.sent_at, m.created_at) AS at, b.landlord_id,
                       b.id AS building_id, b.name AS building_name, t.id AS tenant_id, t.name AS tenant_name,
                       l.code AS lease_code, m.stage AS what, m.channel, m.kind AS medium, m.state AS status,
                       m.cancel_reason, m.sent_in_demo, CAST(NULL AS BIGINT) AS notice_id, CAST(NULL AS TEXT) AS document_no, FALSE AS pdf_available
                FROM message m JOIN lease l ON l.id = m.lease_id JOIN tenant t ON t.id = l.tenant_id
                     JOIN building b ON b.id = l.building_id
                WHERE CAST(:kind AS TEXT) IS NULL OR CAST(:kind AS TEXT) = 'REMINDER'
                UNION ALL
                SELECT 'NOTICE', n.id, coalesce(d.sent_at, v.approved_at, n.created_at), b.landlord_id,
                       b.id, b.name, t.id, t.name, l.code, n.kind, 'CERTIFIED_NOTICE', NULL, n.status, NULL, FALSE,
                       n.id, v.document_no, v.pdf_sha256 IS NOT NULL
                FROM notice n JOIN notice_version v ON v.notice_id = n.id AND v.version = n.version
                     -- the first posting of the approved version: a notice posted again is still one entry
                     LEFT JOIN LATERAL (SELECT sent_at FROM notice_dispatch
                                        WHERE notice_id = n.id AND version = n.version AND status = 'SENT'
                                        ORDER BY id LIMIT 1) d ON TRUE
                     JOIN lease l ON l.id = n.lease_id JOIN tenant t ON t.id = l.tenant_id
                     JOIN building b ON b.id = l.building_id
                WHERE CAST(:kind AS TEXT) IS NULL OR CAST(:kind AS TEXT) = 'NOTICE')
            SELECT * FROM entry
            WHERE (CAST(:landlord AS BIGINT) IS NULL OR landlord_id = :landlord)
              AND (CAST(:building AS BIGINT) IS NULL OR building_id = :building)
              AND (CAST(:tenant AS BIGINT) IS NULL OR tenant_id = :tenant)
              AND (CAST(:status AS TEXT) IS NULL OR status = :status)
              AND (CAST(:from AS DATE) IS NULL OR CAST(at AT TIME ZONE 'Asia/Seoul' AS DATE) >= :from)
              AND (CAST(:to AS DATE) IS NULL OR CAST(at AT TIME ZONE 'Asia/Seoul' AS DATE) <= :to)
              AND (NOT :pdfOnly OR pdf_available)
            """;

    private final JdbcClient jdbc;

    NoticeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HistoryEntry> list(Viewer viewer, HistoryFilter f, int limit, int offset) {
        return list(viewer, f, null, limit, offset);
    }

    /** Staff may narrow to one landlord; for a LANDLORD another landlord's id yields nothing. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> list(Viewer viewer, HistoryFilter f, Long landlordId, int limit, int offset) {
        return query(f, viewer.landlordFilter(landlordId), false, " ORDER BY at DESC, kind, id DESC LIMIT :limit OFFSET :offset", limit, offset)
                .query(NoticeHistory::entry).list();
    }

    public long count(Viewer viewer, HistoryFilter f) {
        return count(viewer, f, null);
    }

    @Transactional(readOnly = true)
    public long count(Viewer viewer, HistoryFilter f, Long landlordId) {
        return jdbc.sql("SELECT count(*) FROM (" + ENTRIES + ") counted")
                .paramSource(params(f, viewer.landlordFilter(landlordId), false, 0, 0)).query(Long.class).single();
    }

    /** The notices of the filter that have an approved PDF, by document number: what the ZIP holds. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> approvedNotices(Viewer viewer, HistoryFilter f, Long landlordId) {
        HistoryFilter notices = new HistoryFilter(f.buildingId(), f.tenantId(), f.from(), f.to(), f.status(), HistoryEntry.NOTICE);
        return query(notices, viewer.landlordFilter(landlordId), true, " ORDER BY document_no, id", 0, 0).query(NoticeHistory::entry).list();
    }

    public MonthlySummary summary(Viewer viewer, YearMonth month) {
        return summary(viewer, month, null);
    }

    /**
     * The month's figures (Asia/Seoul), defined in docs/portal.md: reminders that left in the month;
     * payments dated in the month on a lease whose arrears case was open that day and had an overdue
     * reminder sent on or before it; notices handed to the post office in the month.
     */
    @Transactional(readOnly = true)
    public MonthlySummary summary(Viewer viewer, YearMonth month, Long landlordId) {
        Long landlord = viewer.landlordFilter(landlordId);
        Timestamp start = Timestamp.from(month.atDay(1).atStartOfDay(BusinessTime.SEOUL).toInstant());
        Timestamp end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(BusinessTime.SEOUL).toInstant());
        String inScope = "(CAST(:landlord AS BIGINT) IS NULL OR b.landlord_id = :landlord)";
        // sent = the provider accepted it (SENT, or DELIVERED once it reported so); one it reported failed is not
        record Sent(long all, long demo, long delivered) {}
        Sent reminders = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE m.sent_in_demo), count(*) FILTER (WHERE m.state = 'DELIVERED')
                FROM message m JOIN lease l ON l.id = m.lease_id JOIN building b ON b.id = l.building_id
                WHERE m.sent_at >= :start AND m.sent_at < :end AND m.state IN ('SENT', 'DELIVERED')
                  AND m.stage IN """ + REMINDER_STAGES + " AND " + inScope)
                .param("start", start).param("end", end).param("landlord", landlord)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        long recovered = jdbc.sql("""
                SELECT coalesce(sum(p.amount), 0) FROM payment p JOIN lease l ON l.id = p.lease_id
                     JOIN building b ON b.id = l.building_id
                WHERE p.paid_on BETWEEN :first AND :last AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id) AND """ + inScope + """

                  AND EXISTS (SELECT 1 FROM arrears_case c JOIN message m ON m.case_id = c.id
                              WHERE c.lease_id = p.lease_id AND c.opened_on <= p.paid_on
                                AND (c.closed_on IS NULL OR c.closed_on >= p.paid_on)
                                AND m.stage IN """ + OVERDUE_REMINDER_STAGES + """

                                AND m.sent_at IS NOT NULL
                                AND CAST(m.sent_at AT TIME ZONE 'Asia/Seoul' AS DATE) <= p.paid_on)""")
                .param("first", month.atDay(1)).param("last", month.atEndOfMonth()).param("landlord", landlord)
                .query(Long.class).single();
        long notices = jdbc.sql("""
                SELECT count(DISTINCT d.notice_id) FROM notice_dispatch d JOIN notice n ON n.id = d.notice_id
                     JOIN lease l ON l.id = n.lease_id JOIN building b ON b.id = l.building_id
                WHERE d.sent_at >= :start AND d.sent_at < :end AND """ + inScope)
                .param("start", start).param("end", end).param("landlord", landlord).query(Long.class).single();
        return new MonthlySummary(month, reminders.all(), recovered, notices, reminders.demo(), reminders.delivered());
    }

    /** Refuses a filter that cannot match anything meaningful, naming the field. */
    static void check(HistoryFilter f) {
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw InvalidInput.of("from", f.from(), "must not be after to (" + f.to() + ")");
        }
        if (f.kind() != null && !HistoryEntry.REMINDER.equals(f.kind()) && !HistoryEntry.NOTICE.equals(f.kind())) {
            throw InvalidInput.of("kind", f.kind(), "must be REMINDER or NOTICE");
        }
        if (f.status() != null) {
            boolean known = HistoryEntry.REMINDER.equals(f.kind()) ? Labels.isMessageState(f.status())
                    : HistoryEntry.NOTICE.equals(f.kind()) ? Labels.isNoticeStatus(f.status())
                    : Labels.isMessageState(f.status()) || Labels.isNoticeStatus(f.status());
            if (!known) {
                throw InvalidInput.of("status", f.status(), "is not a " + (f.kind() == null ? "message state or notice status"
                        : HistoryEntry.REMINDER.equals(f.kind()) ? "message state" : "notice status"));
            }
        }
    }

    private JdbcClient.StatementSpec query(HistoryFilter f, Long landlordId, boolean pdfOnly, String tail, int limit, int offset) {
        return jdbc.sql(ENTRIES + tail).paramSource(params(f, landlordId, pdfOnly, limit, offset));
    }

    /** {@code landlordId} is already narrowed to what the viewer may see. */
    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(HistoryFilter f, Long landlordId,
            boolean pdfOnly, int limit, int offset) {
        check(f);
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("landlord", landlordId).addValue("building", f.buildingId())
                .addValue("tenant", f.tenantId()).addValue("status", f.status()).addValue("kind", f.kind())
                .addValue("from", f.from()).addValue("to", f.to()).addValue("pdfOnly", pdfOnly)
                .addValue("limit", limit).addValue("offset", offset);
    }

    private static HistoryEntry entry(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        String status = rs.getString("status");
        Long noticeId = (Long) rs.getObject("notice_id");
        return new HistoryEntry(kind, rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getLong("building_id"),
                rs.getString("building_name"), rs.getLong("tenant_id"), rs.getString("tenant_name"), rs.getString("lease_code"),
                Labels.description(kind, rs.getString("what"), rs.getString("medium")), rs.getString("channel"), status,
                Labels.status(kind, status, rs.getString("cancel_reason"), rs.getBoolean("sent_in_demo")), noticeId, rs.getString("document_no"),
                rs.getBoolean("pdf_available"));
    }
}
