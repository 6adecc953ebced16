package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer.Role;
import kr.fm.arrears.shared.Viewer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.InvalidInput;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The post office's side of a notice over HTTP: the bundle to post, the recorded postings (접수번호,
 * 등기번호), tracking on demand, and the delivery proofs. Who acts is the signed-in user.
 */
@RestController
@RequestMapping("/api/notices")
class PostalController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final PostalHandoff handoff;
    private final NoticeTracking tracking;
    private final DeliveryProofs proofs;

    PostalController(PostalHandoff handoff, NoticeTracking tracking, DeliveryProofs proofs) {
        this.handoff = handoff;
        this.tracking = tracking;
        this.proofs = proofs;
    }

    /** Everything the post office part of a notice page shows. */
    record PostOffice(long noticeId, NoticeStatus status, Recipient recipient, List<String> warnings, List<Posting> postings,
            LocalDate lastDayToPay, boolean trackingEnabled, List<DeliveryProofs.Proof> proofs) {}

    @GetMapping("/{id}/post-office")
    PostOffice postOffice(Viewer viewer, @PathVariable long id) {
        Recipient r = handoff.recipient(viewer, id);
        return new PostOffice(id, handoff.status(viewer, id), r, r.warnings(), handoff.postings(viewer, id), handoff.lastDayToPay(viewer, id).orElse(null),
                tracking.enabled(), proofs.list(viewer, id));
    }

    /** The ZIP to take to the post office's site: the approved PDF byte for byte, the recipient, a checklist. */
    @GetMapping("/{id}/post-office-bundle")
    ResponseEntity<byte[]> bundle(Viewer viewer, @PathVariable long id) {
        return zip(handoff.bundle(id, viewer));
    }

    /** Several approved notices for one upload session: {@code ?ids=3,5,8}. */
    @GetMapping("/post-office-bundle")
    ResponseEntity<byte[]> bundle(Viewer viewer, @RequestParam(required = false) String ids) {
        List<Long> list;
        try {
            list = ids == null || ids.isBlank() ? List.of()
                    : Arrays.stream(ids.split(",")).map(String::trim).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw InvalidInput.of("ids", ids, "통지서 번호를 쉼표로 나눠 적으세요 (예: 3,5,8)");
        }
        return zip(handoff.bundle(list, viewer));
    }

    record Handoff(String receiptNo, String registeredNo, LocalDate postedOn, Long fee, String recipientName,
            String recipientPostcode, String recipientAddress) {}

    /** The post office took the letter: its 접수번호 and 등기번호; the notice is DISPATCHED. */
    @PostMapping("/{id}/postings")
    @ResponseStatus(HttpStatus.CREATED)
    Posting record(Viewer viewer, @PathVariable long id, @RequestBody Handoff h) {
        return handoff.record(id, new PostalHandoff.Handoff(h.receiptNo(), h.registeredNo(), h.postedOn(), h.fee(),
                h.recipientName(), h.recipientPostcode(), h.recipientAddress()), viewer);
    }

    @GetMapping("/{id}/postings")
    List<Posting> postings(Viewer viewer, @PathVariable long id) {
        return handoff.postings(viewer, id);
    }

    record Correction(String registeredNo, String reason) {}

    @PostMapping("/{id}/postings/{postingId}/correction")
    Posting correct(Viewer viewer, @PathVariable long id, @PathVariable long postingId, @RequestBody Correction c) {
        return handoff.correct(id, postingId, c.registeredNo(), c.reason(), viewer);
    }

    record Report(Boolean delivered, LocalDate on, String receiver, String returnReason) {}

    /** What the post office's site says became of the posting: delivered or returned, typed in by a MANAGER. */
    @PostMapping("/{id}/postings/{postingId}/report")
    Posting report(Viewer viewer, @PathVariable long id, @PathVariable long postingId, @RequestBody Report r) {
        if (r.delivered() == null) {
            throw InvalidInput.of("delivered", null, "배달(true) 또는 반송(false)을 고르세요");
        }
        return handoff.report(id, postingId, new PostalHandoff.Report(r.delivered(), r.on(), r.receiver(), r.returnReason()), viewer);
    }

    /** A tracking round now, for every open posting (the daily job does the same). */
    @PostMapping("/tracking/runs")
    NoticeTracking.Round track(Viewer viewer) {
        Viewer who = viewer;
        if (who.role() != Role.MANAGER && who.role() != Role.ADMIN) {
            throw new NotAllowed("배송 조회는 직원만 실행할 수 있습니다 (" + who.name() + ": " + who.role() + ")");
        }
        if (!tracking.enabled()) {
            throw new Conflict("종적조회 서비스 키(arrears.notice.tracking.service-key)가 없어 배송 추적이 꺼져 있습니다.");
        }
        return tracking.run();
    }

    @PostMapping(path = "/{id}/proofs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DeliveryProofs.Proof upload(Viewer viewer, @PathVariable long id, @RequestParam(required = false) DeliveryProofs.Kind kind,
            @RequestPart("file") MultipartFile file) throws IOException {
        return proofs.upload(id, kind, file.getOriginalFilename(), file.getBytes(), viewer);
    }

    @GetMapping("/{id}/proofs")
    List<DeliveryProofs.Proof> proofs(Viewer viewer, @PathVariable long id) {
        return proofs.list(viewer, id);
    }

    /** The stored PDF; {@code X-Content-SHA256} is the hash kept at upload, checked again just now. */
    @GetMapping(path = "/{id}/proofs/{proofId}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> proof(Viewer viewer, @PathVariable long id, @PathVariable long proofId) {
        DeliveryProofs.File f = proofs.download(id, proofId, viewer);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("X-Content-SHA256", f.proof().sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(true,
                        f.proof().kind().korean() + "_" + f.proof().fileName(), "proof-" + proofId + ".pdf"))
                .body(f.pdf());
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed e) {
        return NoticeController.forbidden(e);
    }

    private static ResponseEntity<byte[]> zip(PostalHandoff.Bundle b) {
        if (b.heldReason() != null) {
            throw new Conflict("발송을 멈추고 담당자에게 돌려보냈습니다: " + b.heldReason());
        }
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(true, b.fileName(), "post-office.zip"))
                .body(b.zip());
    }
}
