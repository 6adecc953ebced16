package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for notices and their versions; the workflow and the dispatch services decide, this reads and
 * writes rows. It is the one place a notice's transition is saved, and it publishes the transition's
 * event with it, in the same transaction, so no change goes unaudited.
 */
@Component
@RequiredArgsConstructor
class NoticeStore {

    /** The notices and versions runs draft: see {@link kr.fm.arrears.db.GrowingTables}. */
    private static final kr.fm.arrears.db.GrowingTables DRAFTS = new kr.fm.arrears.db.GrowingTables("notice, notice_version");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A notice to draft: its case, lease, kind and date, and the wording of its first version. */
    record Draft(long caseId, long leaseId, NoticeKind kind, LocalDate draftedOn, NoticeContent content) {}

    /**
     * Inserts the notices, each with its first version, in one statement and in the order given (ids
     * follow it); a (case, kind) that already has one is left alone. The drafts inserted, by id.
     */
    Map<Long, Draft> insertDrafts(List<Draft> drafts, String actor, Instant at) {
        // one draft per (case, kind): a pair twice would be two first versions of one notice
        Map<String, Draft> unique = new LinkedHashMap<>();
        drafts.forEach(d -> unique.putIfAbsent(d.caseId() + ":" + d.kind(), d));
        List<Draft> rows = List.copyOf(unique.values());
        Map<Long, Draft> inserted = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return inserted;
        }
        jdbc.sql("""
                WITH x AS (SELECT * FROM unnest(CAST(:cases AS BIGINT[]), CAST(:leases AS BIGINT[]), CAST(:kinds AS TEXT[]),
                                                CAST(CAST(:dates AS TEXT[]) AS DATE[]), CAST(:contents AS TEXT[]))
                                         WITH ORDINALITY AS x (case_id, lease_id, kind, drafted_on, content, n)),
                     notices AS (INSERT INTO notice (case_id, lease_id, kind, status, version, last_editor, drafted_on,
                                                     created_at, updated_at)
                                 SELECT case_id, lease_id, kind, 'DRAFT', 1, :actor, drafted_on, :at, :at FROM x ORDER BY n
                                 ON CONFLICT (case_id, kind) DO NOTHING RETURNING id, case_id, kind),
                     versions AS (INSERT INTO notice_version (notice_id, version, content, edited_by, edited_at, diff)
                                  SELECT notices.id, 1, x.content, :actor, :at, NULL
                                  FROM notices JOIN x ON x.case_id = notices.case_id AND x.kind = notices.kind)
                SELECT n, id FROM notices JOIN x ON x.case_id = notices.case_id AND x.kind = notices.kind ORDER BY n""")
                .param("cases", rows.stream().map(Draft::caseId).toArray(Long[]::new))
                .param("leases", rows.stream().map(Draft::leaseId).toArray(Long[]::new))
                .param("kinds", rows.stream().map(d -> d.kind().name()).toArray(String[]::new))
                .param("dates", rows.stream().map(d -> d.draftedOn().toString()).toArray(String[]::new))
                .param("contents", rows.stream().map(d -> toJson(d.content())).toArray(String[]::new))
                .param("actor", actor).param("at", ts(at))
                .query(rs -> {
                    inserted.put(rs.getLong("id"), rows.get(rs.getInt("n") - 1));
                });
        DRAFTS.added(inserted.size(), jdbc);
        return inserted;
    }

    /** The notice, row-locked until the transaction ends: transitions of one notice run one at a time. */
    CertifiedNotice lock(long id) {
        return jdbc.sql("SELECT * FROM notice WHERE id = ? FOR UPDATE").param(id).query(NoticeStore::notice).optional()
                .orElseThrow(() -> new NotFound("notice", id));
    }

    /** A notice the caller may see: a LANDLORD only those about leases in their own buildings. */
    Optional<CertifiedNotice> find(Viewer viewer, long id) {
        return jdbc.sql("SELECT * FROM notice WHERE id = :id AND " + LeaseScope.condition("lease_id")).param("id", id)
                .param("leases", scope(viewer).ids()).query(NoticeStore::notice).optional();
    }

    /** The leases the viewer may see, from the ledger (a LANDLORD: those in their own buildings). */
    private LeaseScope scope(Viewer viewer) {
        return ledger.scope(viewer, null, null);
    }

    List<CertifiedNotice> list(Viewer viewer, NoticeStatus status, NoticeKind kind, Long leaseId, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM notice
                WHERE (CAST(:status AS TEXT) IS NULL OR status = :status)
                  AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)
                  AND (CAST(:lease AS BIGINT) IS NULL OR lease_id = :lease)
                  AND """ + LeaseScope.condition("lease_id") + """

                ORDER BY id LIMIT :limit OFFSET :offset""")
                .param("leases", scope(viewer).ids())
                .param("status", status == null ? null : status.name()).param("kind", kind == null ? null : kind.name())
                .param("lease", leaseId).param("limit", limit).param("offset", offset)
                .query(NoticeStore::notice).list();
    }

    /**
     * Approved notices held back before they left (their ground had gone): REJECTED with the current
     * version still sealed, which a MANAGER's rejection (before approval) never is. Newest first.
     */
    List<CertifiedNotice> held(Viewer viewer, int limit) {
        return jdbc.sql("""
                SELECT n.* FROM notice n JOIN notice_version v ON v.notice_id = n.id AND v.version = n.version
                WHERE n.status = 'REJECTED' AND v.pdf_sha256 IS NOT NULL AND """ + LeaseScope.condition("n.lease_id") + """

                ORDER BY n.updated_at DESC, n.id DESC LIMIT :limit""")
                .param("leases", scope(viewer).ids()).param("limit", limit).query(NoticeStore::notice).list();
    }

    /** Saves the notice's new state (its aggregate checked the transition) and publishes what happened. */
    CertifiedNotice saved(CertifiedNotice n, Object event) {
        save(n, BusinessTime.now(clock));
        events.publishEvent(event);
        return n;
    }

    private void save(CertifiedNotice n, Instant at) {
        jdbc.sql("""
                UPDATE notice SET status = ?, version = ?, last_editor = ?, submitted_by = ?, landlord_consent_by = ?,
                                  landlord_consent_at = ?, decided_by = ?, decided_at = ?, reason = ?, updated_at = ?
                WHERE id = ?""")
                .params(n.status().name(), n.version(), n.lastEditor(), n.submittedBy(), n.consentBy(), ts(n.consentAt()),
                        n.decidedBy(), ts(n.decidedAt()), n.reason(), ts(at), n.id())
                .update();
    }

    void addVersion(long noticeId, int version, NoticeContent content, String editor, Instant at, String diff) {
        jdbc.sql("INSERT INTO notice_version (notice_id, version, content, edited_by, edited_at, diff) VALUES (?, ?, ?, ?, ?, ?)")
                .params(noticeId, version, toJson(content), editor, ts(at), diff).update();
    }

    NoticeContent content(long noticeId, int version) {
        String text = jdbc.sql("SELECT content FROM notice_version WHERE notice_id = ? AND version = ?")
                .params(noticeId, version).query(String.class).single();
        try {
            return json.readValue(text, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice " + noticeId + " v" + version + " content is not readable", e);
        }
    }

    /** Keeps the approved PDF of a version; refuses (0 rows) if that version was sealed before. */
    void seal(long noticeId, int version, String approver, Instant at, String documentNo, LocalDate documentDate,
            String code, byte[] pdf, String sha256) {
        int rows = jdbc.sql("""
                UPDATE notice_version SET approved_by = ?, approved_at = ?, document_no = ?, document_date = ?,
                                          verification_code = ?, pdf = ?, pdf_sha256 = ?
                WHERE notice_id = ? AND version = ? AND pdf IS NULL""")
                .params(approver, ts(at), documentNo, documentDate, code, pdf, sha256, noticeId, version).update();
        if (rows != 1) {
            throw new IllegalStateException("notice " + noticeId + " v" + version + " is already sealed");
        }
    }

    /**
     * The next document number of the year, gap-free: the counter row stays locked until the
     * approving transaction ends, and a rollback gives the number back.
     */
    String nextDocumentNo(int year) {
        int n = jdbc.sql("""
                INSERT INTO notice_number (year, last_no) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last_no = notice_number.last_no + 1 RETURNING last_no""")
                .param(year).query(Integer.class).single();
        return String.format("%d-%06d", year, n);
    }

    record Version(int version, String editedBy, Instant editedAt, String diff, NoticeContent content, String approvedBy,
            Instant approvedAt, String documentNo, LocalDate documentDate, String verificationCode, String pdfSha256) {}

    List<Version> versions(long noticeId) {
        return jdbc.sql("""
                SELECT version, edited_by, edited_at, diff, content, approved_by, approved_at, document_no, document_date,
                       verification_code, pdf_sha256
                FROM notice_version WHERE notice_id = ? ORDER BY version""").param(noticeId)
                .query((rs, i) -> new Version(rs.getInt("version"), rs.getString("edited_by"), instant(rs, "edited_at"),
                        rs.getString("diff"), read(rs.getString("content")), rs.getString("approved_by"),
                        instant(rs, "approved_at"), rs.getString("document_no"), rs.getObject("document_date", LocalDate.class),
                        rs.getString("verification_code"), rs.getString("pdf_sha256")))
                .list();
    }

    record Approved(String documentNo, byte[] pdf) {}

    Optional<Approved> approved(long noticeId, int version) {
        return jdbc.sql("SELECT document_no, pdf FROM notice_version WHERE notice_id = ? AND version = ? AND pdf IS NOT NULL")
                .params(noticeId, version).query((rs, i) -> new Approved(rs.getString(1), rs.getBytes(2))).optional();
    }

    record Match(long noticeId, int version, String documentNo, String verificationCode, long leaseId, NoticeKind kind,
            NoticeStatus status, int currentVersion) {}

    Optional<Match> bySha256(String sha256) {
        return jdbc.sql("""
                SELECT v.notice_id, v.version, v.document_no, v.verification_code, n.lease_id, n.kind, n.status, n.version AS current
                FROM notice_version v JOIN notice n ON n.id = v.notice_id WHERE v.pdf_sha256 = ?""").param(sha256)
                .query((rs, i) -> new Match(rs.getLong("notice_id"), rs.getInt("version"), rs.getString("document_no"),
                        rs.getString("verification_code"), rs.getLong("lease_id"), NoticeKind.valueOf(rs.getString("kind")),
                        NoticeStatus.valueOf(rs.getString("status")), rs.getInt("current")))
                .optional();
    }

    private NoticeContent read(String text) {
        try {
            return json.readValue(text, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice content is not readable", e);
        }
    }

    private String toJson(NoticeContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertifiedNotice notice(ResultSet rs, int row) throws SQLException {
        return new CertifiedNotice(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("lease_id"),
                NoticeKind.valueOf(rs.getString("kind")), rs.getObject("drafted_on", LocalDate.class),
                NoticeStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("last_editor"),
                rs.getString("submitted_by"), rs.getString("landlord_consent_by"), instant(rs, "landlord_consent_at"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
