package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer.Role;
import kr.fm.arrears.shared.Viewer;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post office's delivery proof (배달증명) and certified copy (등본) of a posted notice, as PDFs
 * a MANAGER uploads. Kept with their SHA-256; every download recomputes it and refuses a file that
 * no longer matches, so what leaves is what was attached.
 */
@Service
public class DeliveryProofs {

    public enum Kind {
        DELIVERY_PROOF("배달증명"), CERTIFIED_COPY("등본");

        private final String korean;

        Kind(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }
    }

    public record Proof(long id, long noticeId, Long postingId, Kind kind, String fileName, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {}

    public record File(Proof proof, byte[] pdf) {}

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final EnumSet<NoticeStatus> POSTED = EnumSet.of(NoticeStatus.DISPATCHED, NoticeStatus.DELIVERED,
            NoticeStatus.RETURNED);
    private static final String COLUMNS = "SELECT id, notice_id, dispatch_id, kind, file_name, length(pdf) AS size, sha256, "
            + "uploaded_by, uploaded_at FROM notice_proof";

    private final NoticeWorkflow workflow;
    private final NoticeStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryProofs(NoticeWorkflow workflow, NoticeStore store, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.workflow = workflow;
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Attaches a proof to the notice's latest posting; audited with its SHA-256. */
    @Transactional
    public Proof upload(long noticeId, Kind kind, String fileName, byte[] pdf, Viewer who) {
        workflow.get(who, noticeId);
        CertifiedNotice n = store.lock(noticeId);
        if (who.role() != Role.MANAGER) {
            throw new NotAllowed("배달증명·등본은 담당자(MANAGER)만 붙일 수 있습니다 (" + who.name() + ": " + who.role() + ")");
        }
        if (!POSTED.contains(n.status())) {
            throw new Conflict("우체국에 접수한 통지서에만 배달증명·등본을 붙일 수 있습니다 (지금 " + n.status() + ")");
        }
        if (kind == null) {
            throw InvalidInput.of("kind", null, "DELIVERY_PROOF(배달증명) 또는 CERTIFIED_COPY(등본)을 고르세요");
        }
        if (pdf == null || pdf.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(pdf, PDF_MAGIC.length), PDF_MAGIC)) {
            throw InvalidInput.of("file", fileName, "PDF 파일이 아닙니다");
        }
        String name = fileName == null || Downloads.namePart(fileName).isBlank() ? kind.korean() + ".pdf"
                : Downloads.namePart(fileName);
        Long posting = jdbc.sql("SELECT max(id) FROM notice_dispatch WHERE notice_id = ? AND status = 'SENT'").param(noticeId)
                .query(Long.class).optional().orElse(null);
        String sha = Sha256.hex(pdf);
        Instant now = BusinessTime.now(clock);
        long id = jdbc.sql("""
                INSERT INTO notice_proof (notice_id, dispatch_id, kind, file_name, pdf, sha256, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(noticeId, posting, kind.name(), name, pdf, sha, who.name(), Timestamp.from(now)).query(Long.class).single();
        events.publishEvent(new ProofAttached(who.name(), noticeId, n.leaseId(), id, kind, name, pdf.length, sha, posting));
        return list(who, noticeId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Proof> list(Viewer viewer, long noticeId) {
        workflow.get(viewer, noticeId);
        return jdbc.sql(COLUMNS + " WHERE notice_id = ? ORDER BY id").param(noticeId).query((rs, i) -> new Proof(rs.getLong("id"),
                rs.getLong("notice_id"), (Long) rs.getObject("dispatch_id"), Kind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant())).list();
    }

    /** The file, its SHA-256 checked against the one kept at upload; audited as a download. */
    @Transactional
    public File download(long noticeId, long proofId, Viewer who) {
        File f = read(noticeId, proofId);
        events.publishEvent(new ProofDownloaded(who.name(), noticeId, store.lock(noticeId).leaseId(), f.proof().kind(), proofId,
                f.proof().sha256()));
        return f;
    }

    /** Every proof of a notice, checked, not audited: for an archive that audits itself once (the history's ZIP). */
    @Transactional(readOnly = true)
    public List<File> files(long noticeId) {
        return list(Viewer.SYSTEM, noticeId).stream().map(p -> read(noticeId, p.id())).toList();
    }

    private File read(long noticeId, long proofId) {
        Proof proof = list(Viewer.SYSTEM, noticeId).stream().filter(p -> p.id() == proofId).findFirst()
                .orElseThrow(() -> new NotFound("proof of notice " + noticeId, proofId));
        byte[] pdf = jdbc.sql("SELECT pdf FROM notice_proof WHERE id = ?").param(proofId).query(byte[].class).single();
        if (!Sha256.hex(pdf).equals(proof.sha256())) {
            throw new IllegalStateException("proof " + proofId + " no longer matches its SHA-256 " + proof.sha256());
        }
        return new File(proof, pdf);
    }
}
