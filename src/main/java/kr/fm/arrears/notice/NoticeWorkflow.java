package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.notice.internal.NoticeDocument;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of certified notices: drafting, edits, approval, downloads and verification.
 * Each action locks the notice row, lets {@link CertifiedNotice} check the transition, then has the
 * store save the new state and publish its event in one transaction.
 */
@Service
public class NoticeWorkflow {

    private final NoticeStore store;
    private final NoticeDocument document;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final kr.fm.arrears.ledger.LedgerViews views;
    private final Previews previews;

    NoticeWorkflow(NoticeStore store, NoticeDocument document, ApplicationEventPublisher events, Clock clock,
            kr.fm.arrears.ledger.LedgerViews views, Previews previews) {
        this.views = views;
        this.previews = previews;
        this.store = store;
        this.document = document;
        this.events = events;
        this.clock = clock;
    }

    /** Drafts the notice of a case and kind once; a second call for the same pair does nothing. */
    @Transactional
    public Optional<Long> draft(long caseId, long leaseId, NoticeKind kind, LocalDate businessDate) {
        return draftAll(List.of(new Drafting(caseId, leaseId, kind, businessDate))).stream().findFirst();
    }

    /** A notice the escalation asks for. */
    public record Drafting(long caseId, long leaseId, NoticeKind kind, LocalDate businessDate) {}

    /** Drafts many notices (a page of a run) with one insert and one event; the ids of those new, in order. */
    @Transactional
    public List<Long> draftAll(List<Drafting> wanted) {
        Map<Long, NoticeStore.Draft> drafted = store.insertDrafts(wanted.stream().map(w -> new NoticeStore.Draft(w.caseId(),
                w.leaseId(), w.kind(), w.businessDate(), NoticeContent.standard(w.kind()))).toList(), Viewer.SYSTEM.name(), now());
        if (!drafted.isEmpty()) {
            events.publishEvent(new NoticesDrafted(Viewer.SYSTEM.name(), drafted.entrySet().stream()
                    .map(e -> new NoticesDrafted.Drafted(e.getKey(), e.getValue().caseId(), e.getValue().leaseId(), e.getValue().kind()))
                    .toList()));
        }
        return List.copyOf(drafted.keySet());
    }

    /** A new version with the given fields changed (null fields stay as they were). */
    @Transactional
    public CertifiedNotice edit(long id, NoticeContent changes, Viewer who) {
        CertifiedNotice n = store.lock(id);
        NoticeContent before = store.content(id, n.version());
        NoticeContent after = before.with(changes);
        List<String> diff = before.diff(after);
        if (diff.isEmpty()) {
            throw kr.fm.arrears.shared.InvalidInput.of("content", null, "판 " + n.version() + "에서 바뀌는 것이 없습니다");
        }
        String consentBefore = n.consentBy();
        n.edit(who, after);
        store.addVersion(id, n.version(), after, who.name(), now(), String.join("; ", diff));
        // a consent was given to the previous wording
        return store.saved(n, new NoticeEdited(who.name(), id, n.leaseId(), n.version(), n.status(), diff, consentBefore));
    }

    @Transactional
    public CertifiedNotice submit(long id, Viewer who) {
        CertifiedNotice n = store.lock(id);
        n.submit(who);
        return store.saved(n, new NoticeSubmitted(who.name(), id, n.leaseId(), n.version()));
    }

    @Transactional
    public CertifiedNotice consent(long id, Viewer who) {
        CertifiedNotice n = store.lock(id);
        // a LANDLORD consents for their own buildings only; another's notice does not exist for them
        if (views.lease(who, n.leaseId()).isEmpty()) {
            throw new kr.fm.arrears.shared.NotFound("notice", id);
        }
        n.consent(who, now());
        return store.saved(n, new NoticeConsented(who.name(), id, n.leaseId(), n.version()));
    }

    /** The LANDLORD refuses the termination with a reason: back to the MANAGER, not dispatchable. */
    @Transactional
    public CertifiedNotice refuseConsent(long id, String reason, Viewer who) {
        CertifiedNotice n = store.lock(id);
        if (views.lease(who, n.leaseId()).isEmpty()) {
            throw new kr.fm.arrears.shared.NotFound("notice", id);
        }
        String why = reason == null ? null : reason.strip();
        n.refuseConsent(who, now(), why);
        return store.saved(n, new NoticeConsentRefused(who.name(), id, n.leaseId(), n.version(), why));
    }

    @Transactional
    public CertifiedNotice reject(long id, String reason, Viewer who) {
        CertifiedNotice n = store.lock(id);
        n.reject(who, now(), reason);
        return store.saved(n, new NoticeRejected(who.name(), id, n.leaseId(), n.version(), reason));
    }

    /**
     * Approves the current version: renders its PDF once, dated today, with the year's next
     * document number and the verification code, and keeps the bytes and their SHA-256.
     */
    @Transactional
    public CertifiedNotice approve(long id, Viewer who) {
        CertifiedNotice n = store.lock(id);
        n.checkApproval(who); // before a document number is taken
        LocalDate today = BusinessTime.today(clock);
        String documentNo = store.nextDocumentNo(today.getYear());
        NoticeDocument.Sealed sealed = document.seal(n.leaseId(), n.kind(), store.content(id, n.version()), today, documentNo);
        n.approve(who, now());
        store.seal(id, n.version(), who.name(), now(), documentNo, today, sealed.verificationCode(), sealed.pdf(), sealed.sha256());
        return store.saved(n, new NoticeApproved(who.name(), id, n.leaseId(), n.version(), documentNo, sealed.sha256(),
                sealed.verificationCode()));
    }

    /** An approved PDF and the names it is downloaded under. */
    public record ApprovedPdf(long noticeId, String documentNo, String tenantName, byte[] bytes) {

        /** {@code 내용증명_2026-000001_대성정밀.pdf} */
        public String fileName() {
            return fileName(documentNo, tenantName);
        }

        public String asciiFileName() {
            return "notice_" + documentNo + ".pdf";
        }

        public static String fileName(String documentNo, String tenantName) {
            return "내용증명_" + documentNo + "_" + kr.fm.arrears.shared.Downloads.namePart(tenantName) + ".pdf";
        }
    }

    /** The approved PDF, byte for byte as approved; every download is audited. */
    @Transactional
    public ApprovedPdf download(long id, Viewer who) {
        CertifiedNotice n = store.find(who, id).orElseThrow(() -> new NotFound("notice", id));
        NoticeStore.Approved approved = approved(n);
        events.publishEvent(new NoticePdfDownloaded(who.name(), id, n.leaseId(), n.version(), approved.documentNo(),
                Sha256.hex(approved.pdf())));
        String tenant = views.lease(who, n.leaseId()).map(kr.fm.arrears.ledger.LedgerViews.LeaseSummary::tenantName).orElse("");
        return new ApprovedPdf(id, approved.documentNo(), tenant, approved.pdf());
    }

    /**
     * The approved PDF of a notice the caller may see, not audited: for a download that holds many
     * notices and audits itself once (the history's ZIP).
     */
    @Transactional(readOnly = true)
    public byte[] approvedCopy(long id) {
        return approved(store.find(Viewer.SYSTEM, id).orElseThrow(() -> new NotFound("notice", id))).pdf();
    }

    /**
     * A draft's current version as it would print today, watermarked; no number, nothing stored.
     * Rendered once per distinct page ({@link Previews}), then served.
     */
    @Transactional(readOnly = true)
    public byte[] preview(Viewer viewer, long id) {
        return previews.pdf(id, draftPage(viewer, id), document::render);
    }

    /**
     * The very page {@link #preview} renders to PDF, for a browser without a PDF viewer (phones,
     * headless browsers): the same template output, plus a screen stylesheet that lays it out as an
     * A4 sheet in the embedded font. Seen by exactly those who may see the PDF preview.
     */
    @Transactional(readOnly = true)
    public String previewPage(Viewer viewer, long id) {
        return NoticeDocument.onScreen(draftPage(viewer, id));
    }

    private String draftPage(Viewer viewer, long id) {
        CertifiedNotice n = store.find(viewer, id).orElseThrow(() -> new NotFound("notice", id));
        return document.draftPage(n.leaseId(), n.kind(), store.content(id, n.version()), BusinessTime.today(clock));
    }

    /** Which notice and version a PDF is, by the SHA-256 of its bytes. */
    @Transactional(readOnly = true)
    public Optional<NoticeStore.Match> verify(byte[] pdf) {
        return store.bySha256(Sha256.hex(pdf));
    }

    /** The same, read from a stream (an upload kept on disk), never holding the file in memory. */
    @Transactional(readOnly = true)
    public Optional<NoticeStore.Match> verify(java.io.InputStream pdf) throws java.io.IOException {
        return store.bySha256(Sha256.hex(pdf));
    }

    @Transactional(readOnly = true)
    public CertifiedNotice get(Viewer viewer, long id) {
        return store.find(viewer, id).orElseThrow(() -> new NotFound("notice", id));
    }

    @Transactional(readOnly = true)
    public List<NoticeStore.Version> versions(long id) {
        get(Viewer.SYSTEM, id);
        return store.versions(id);
    }

    /** The current version's wording, as a MANAGER reviews it before approving. */
    @Transactional(readOnly = true)
    public NoticeContent content(long id) {
        return store.content(id, get(Viewer.SYSTEM, id).version());
    }

    @Transactional(readOnly = true)
    public List<CertifiedNotice> list(Viewer viewer, NoticeStatus status, NoticeKind kind, Long leaseId, int limit, int offset) {
        return store.list(viewer, status, kind, leaseId, limit, offset);
    }

    /** Approved notices held back at dispatch with the reason (their ground had gone), newest first. */
    @Transactional(readOnly = true)
    public List<CertifiedNotice> held(Viewer viewer, int limit) {
        return store.held(viewer, limit);
    }

    byte[] approvedPdf(CertifiedNotice n) {
        return approved(n).pdf();
    }

    private NoticeStore.Approved approved(CertifiedNotice n) {
        return store.approved(n.id(), n.version())
                .orElseThrow(() -> new Conflict("통지서 " + n.id() + "는 지금 " + n.status() + " 상태라 승인된 PDF가 없습니다"));
    }

    private Instant now() {
        return BusinessTime.now(clock);
    }
}
