package kr.fm.arrears.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.LeaseScope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notices with their posting facts, read set-based for the notice history (the history module reads
 * them here, never the notice tables). A notice happened when it first went to the post office, else
 * when it was approved, else when it was drafted.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NoticeListing {

    /** One notice as the history lists it: its current version's document number, and whether its approved PDF exists. */
    public record Entry(long noticeId, long leaseId, Instant at, NoticeKind kind, NoticeStatus status, String documentNo,
            boolean pdfAvailable) {}

    private static final String ENTRIES = entries(LeaseScope.condition("n.lease_id"));

    private static String entries(String where) {
        return """
            SELECT * FROM (SELECT n.id, n.lease_id, coalesce(d.sent_at, v.approved_at, n.created_at) AS at, n.kind, n.status,
                                  v.document_no, v.pdf_sha256 IS NOT NULL AS pdf_available
                           FROM notice n JOIN notice_version v ON v.notice_id = n.id AND v.version = n.version
                                -- the first posting of the approved version: a notice posted again is still one entry
                                LEFT JOIN LATERAL (SELECT sent_at FROM notice_dispatch
                                                   WHERE notice_id = n.id AND version = n.version AND status = 'SENT'
                                                   ORDER BY id LIMIT 1) d ON TRUE
                           WHERE %s) e
            WHERE (CAST(:status AS TEXT) IS NULL OR status = :status)
              AND (NOT :pdfOnly OR pdf_available)
            """.formatted(where) + LeaseScope.SEOUL_DATES;
    }

    private final JdbcClient jdbc;

    /**
     * The next {@code limit} notices of the leases (status and Seoul dates optional), newest first
     * (then highest id), after the keyset position ({@code beforeAt}, {@code beforeId}; null: from the newest).
     */
    public List<Entry> page(LeaseScope leases, String status, LocalDate from, LocalDate to, Instant beforeAt, long beforeId,
            int limit) {
        return jdbc.sql(ENTRIES + LeaseScope.NEWEST_AFTER)
                .param("leases", leases.ids()).param("status", status).param("from", from).param("to", to)
                .param("pdfOnly", false).param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt))
                .param("beforeId", beforeId).param("limit", limit)
                .query(NoticeListing::entry).list();
    }

    public long count(LeaseScope leases, String status, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM (" + ENTRIES + ") counted")
                .param("leases", leases.ids()).param("status", status).param("from", from).param("to", to)
                .param("pdfOnly", false).query(Long.class).single();
    }

    /** The ids of the notices with an approved PDF, in document-number order: what an archive of PDFs holds. */
    public List<Long> approved(LeaseScope leases, String status, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT id FROM (" + ENTRIES + ") approved ORDER BY document_no, id")
                .param("leases", leases.ids()).param("status", status).param("from", from).param("to", to)
                .param("pdfOnly", true).query(Long.class).list();
    }

    /** These notices, in the order of the ids given. */
    public List<Entry> entries(Collection<Long> noticeIds) {
        Long[] ids = noticeIds.toArray(Long[]::new);
        return jdbc.sql("SELECT e.* FROM (" + entries("n.id = ANY(:ids)") + ") e"
                + " JOIN unnest(CAST(:ids AS BIGINT[])) WITH ORDINALITY AS x (id, n) ON x.id = e.id ORDER BY x.n")
                .param("status", null).param("from", null).param("to", null).param("pdfOnly", false)
                .param("ids", ids).query(NoticeListing::entry).list();
    }

    /**
     * One posting of a notice as the history shows it: the attempt, the approved version it carried,
     * the 등기번호, the day it was posted, the address it went to, and what became of it (DELIVERED
     * with the receiver, RETURNED with the reason, or null while under way).
     */
    public record Attempt(long noticeId, int attempt, int version, String registeredNo, LocalDate postedOn,
            String recipientAddress, String outcome, LocalDate outcomeOn, String receiver, String returnReason) {}

    /** Every posting of these notices (failed mail-service requests left out), first first, in one query. */
    public Map<Long, List<Attempt>> attempts(Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT notice_id, attempt, version, registered_no, coalesce(posted_on, CAST(sent_at AT TIME ZONE 'Asia/Seoul' AS DATE))
                       AS posted_on, recipient_address, delivery_status, delivered_on, receiver, return_reason
                FROM notice_dispatch WHERE notice_id = ANY(:ids) AND status = 'SENT' ORDER BY notice_id, attempt, id""")
                .param("ids", noticeIds.toArray(Long[]::new))
                .query((rs, i) -> new Attempt(rs.getLong("notice_id"), rs.getInt("attempt"), rs.getInt("version"),
                        rs.getString("registered_no"), rs.getObject("posted_on", LocalDate.class), rs.getString("recipient_address"),
                        rs.getString("delivery_status"), rs.getObject("delivered_on", LocalDate.class), rs.getString("receiver"),
                        rs.getString("return_reason")))
                .list().stream().collect(java.util.stream.Collectors.groupingBy(Attempt::noticeId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    /** How many notices of the leases were handed to the post office (or the mail service) in [start, end). */
    public long sentBetween(LeaseScope leases, Instant start, Instant end) {
        return jdbc.sql("""
                SELECT count(DISTINCT d.notice_id) FROM notice_dispatch d JOIN notice n ON n.id = d.notice_id
                WHERE d.sent_at >= :start AND d.sent_at < :end AND """ + LeaseScope.condition("n.lease_id"))
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("leases", leases.ids())
                .query(Long.class).single();
    }

    /** How many notices of the leases the post office reported delivered (배달일) within [first, last]. */
    public long deliveredBetween(LeaseScope leases, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT count(DISTINCT d.notice_id) FROM notice_dispatch d JOIN notice n ON n.id = d.notice_id
                WHERE d.status = 'SENT' AND d.delivery_status = 'DELIVERED' AND d.delivered_on BETWEEN :first AND :last AND """
                + LeaseScope.condition("n.lease_id"))
                .param("first", first).param("last", last).param("leases", leases.ids())
                .query(Long.class).single();
    }

    /** The first day (Asia/Seoul) a notice of each case was handed to the post office, for the cases that had one. */
    public Map<Long, LocalDate> firstPosted(Collection<Long> caseIds) {
        Map<Long, LocalDate> first = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return first;
        }
        jdbc.sql("""
                SELECT n.case_id, min(coalesce(d.posted_on, CAST(d.sent_at AT TIME ZONE 'Asia/Seoul' AS DATE)))
                FROM notice_dispatch d JOIN notice n ON n.id = d.notice_id
                WHERE n.case_id = ANY(:cases) AND d.status = 'SENT' AND d.sent_at IS NOT NULL GROUP BY n.case_id""")
                .param("cases", caseIds.toArray(Long[]::new))
                .query(rs -> {
                    first.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return first;
    }

    /** A notice a MANAGER must act on: RETURNED by the post office, or REJECTED because dispatch held it back. */
    public record Stalled(long noticeId, long caseId, long leaseId, NoticeKind kind, NoticeStatus status, String reason) {}

    /**
     * The leases' returned notices (with the post office's reason) and those held back at dispatch (their
     * ground had gone: a REJECTED notice whose current version was approved, with the reason recorded).
     */
    public List<Stalled> stalled(LeaseScope leases) {
        return jdbc.sql("""
                SELECT n.id, n.case_id, n.lease_id, n.kind, n.status,
                       CASE WHEN n.status = 'RETURNED' THEN (SELECT d.return_reason FROM notice_dispatch d WHERE d.notice_id = n.id
                                                             ORDER BY d.id DESC LIMIT 1)
                            ELSE n.reason END AS reason
                FROM notice n JOIN notice_version v ON v.notice_id = n.id AND v.version = n.version
                WHERE (n.status = 'RETURNED' OR (n.status = 'REJECTED' AND v.approved_at IS NOT NULL))
                  AND """ + LeaseScope.condition("n.lease_id") + " ORDER BY n.lease_id, n.id")
                .param("leases", leases.ids())
                .query((rs, i) -> new Stalled(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("lease_id"),
                        NoticeKind.valueOf(rs.getString("kind")), NoticeStatus.valueOf(rs.getString("status")),
                        rs.getString("reason")))
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("lease_id"), rs.getTimestamp("at").toInstant(),
                NoticeKind.valueOf(rs.getString("kind")), NoticeStatus.valueOf(rs.getString("status")),
                rs.getString("document_no"), rs.getBoolean("pdf_available"));
    }
}
