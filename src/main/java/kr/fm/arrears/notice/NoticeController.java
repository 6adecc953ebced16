package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.shared.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Certified notices over HTTP; who acts is the signed-in user, as the {@link Viewer} the security layer resolves. */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

    private final NoticeWorkflow workflow;
    private final NoticeDispatch dispatch;
    private final PreviewRateLimit previewLimit;

    NoticeController(NoticeWorkflow workflow, NoticeDispatch dispatch, PreviewRateLimit previewLimit) {
        this.workflow = workflow;
        this.dispatch = dispatch;
        this.previewLimit = previewLimit;
    }

    record NoticeView(long id, long caseId, long leaseId, NoticeKind kind, NoticeStatus status, int version,
            String lastEditor, String landlordConsentBy, Instant landlordConsentAt, String decidedBy, Instant decidedAt,
            String reason, LocalDate draftedOn) {

        static NoticeView of(CertifiedNotice n) {
            return new NoticeView(n.id(), n.caseId(), n.leaseId(), n.kind(), n.status(), n.version(), n.lastEditor(),
                    n.consentBy(), n.consentAt(), n.decidedBy(), n.decidedAt(), n.reason(), n.draftedOn());
        }
    }

    record NoticeDetail(NoticeView notice, List<NoticeStore.Version> versions) {}

    /** The limits are the notice's own (NoticeContent#check), the same for this API and the approval page. */
    record Edit(String subject, String body, String consequences, Integer deadlineDays) {}

    record Rejection(@NotBlank @Size(max = CertifiedNotice.REASON_MAX) String reason) {}

    @GetMapping
    List<NoticeView> list(Viewer viewer, @RequestParam(required = false) NoticeStatus status, @RequestParam(required = false) NoticeKind kind,
            @RequestParam(required = false) Long leaseId, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return workflow.list(viewer, status, kind, leaseId, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0)).stream()
                .map(NoticeView::of).toList();
    }

    @GetMapping("/{id}")
    NoticeDetail get(Viewer viewer, @PathVariable long id) {
        return new NoticeDetail(NoticeView.of(workflow.get(viewer, id)), workflow.versions(id));
    }

    @GetMapping(path = "/{id}/preview", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> preview(Viewer viewer, @PathVariable long id) {
        previewLimit.check(viewer);
        return pdf(workflow.preview(viewer, id), false, "내용증명_초안_" + id + ".pdf", "notice-" + id + "-draft.pdf");
    }

    /**
     * The notice template's own styles are inline (the PDF renderer reads no external CSS), so this
     * page alone may use inline styles; it may run no script at all and load nothing but our styles and fonts.
     */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /** The page the preview PDF is made from, for browsers that cannot show a PDF. */
    @GetMapping(path = "/{id}/preview.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> previewPage(Viewer viewer, @PathVariable long id) {
        previewLimit.check(viewer);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PREVIEW_POLICY).body(workflow.previewPage(viewer, id));
    }

    /** Opens in the browser's viewer; {@code ?download=1} saves it instead. */
    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> download(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "false") boolean download) {
        NoticeWorkflow.ApprovedPdf pdf = workflow.download(id, viewer);
        return pdf(pdf.bytes(), download, pdf.fileName(), pdf.asciiFileName());
    }

    @PostMapping("/{id}/versions")
    NoticeView edit(Viewer viewer, @PathVariable long id, @RequestBody Edit edit) {
        NoticeContent changes = new NoticeContent(edit.subject(), edit.body(), edit.consequences(),
                edit.deadlineDays() == null ? 0 : edit.deadlineDays());
        return NoticeView.of(workflow.edit(id, changes, viewer));
    }

    @PostMapping("/{id}/submit")
    NoticeView submit(Viewer viewer, @PathVariable long id) {
        return NoticeView.of(workflow.submit(id, viewer));
    }

    @PostMapping("/{id}/consent")
    NoticeView consent(Viewer viewer, @PathVariable long id) {
        return NoticeView.of(workflow.consent(id, viewer));
    }

    @PostMapping("/{id}/approve")
    NoticeView approve(Viewer viewer, @PathVariable long id) {
        return NoticeView.of(workflow.approve(id, viewer));
    }

    @PostMapping("/{id}/reject")
    NoticeView reject(Viewer viewer, @PathVariable long id, @Valid @RequestBody Rejection rejection) {
        return NoticeView.of(workflow.reject(id, rejection.reason(), viewer));
    }

    /** Queues an approved notice for the post office (or holds it back when the arrears were paid). */
    @PostMapping("/{id}/dispatch")
    NoticeDispatch.Requested dispatch(Viewer viewer, @PathVariable long id) {
        return dispatch.request(id, viewer);
    }

    @GetMapping("/{id}/dispatch")
    List<Map<String, Object>> dispatchStatus(Viewer viewer, @PathVariable long id) {
        return dispatch.status(viewer, id);
    }

    record Delivery(@NotBlank String receiptNo, @jakarta.validation.constraints.Pattern(regexp = "DELIVERED|RETURNED") @NotBlank String status) {}

    /**
     * The postal gateway reports delivery here, signed in as a staff account (HTTP Basic); a poller
     * may call the same service method.
     */
    @PostMapping("/postal/deliveries")
    void delivered(@Valid @RequestBody Delivery delivery) {
        dispatch.delivery(delivery.receiptNo(), "DELIVERED".equals(delivery.status()));
    }

    /** Which notice a PDF is: anyone holding a copy can check it is the approved one. */
    @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> verify(@RequestPart("file") MultipartFile file) throws IOException {
        java.util.Optional<NoticeStore.Match> match;
        try (java.io.InputStream in = file.getInputStream()) {
            match = workflow.verify(in);
        }
        return match
                .<Map<String, Object>>map(m -> Map.of("matches", true, "noticeId", m.noticeId(), "version", m.version(),
                        "documentNo", m.documentNo(), "verificationCode", m.verificationCode(), "kind", m.kind(),
                        "status", m.status(), "currentVersion", m.version() == m.currentVersion()))
                .orElse(Map.of("matches", false,
                        "detail", "이 서비스가 승인한 통지서 파일이 아닙니다 (고쳐졌을 수 있습니다)."));
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed e) {
        return forbidden(e);
    }

    static ProblemDetail forbidden(NotAllowed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("권한이 없습니다");
        return problem;
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, boolean attachment, String fileName, String asciiFileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(attachment, fileName, asciiFileName))
                .body(bytes);
    }
}
