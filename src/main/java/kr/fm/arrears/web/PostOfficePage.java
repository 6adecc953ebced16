package kr.fm.arrears.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.notice.DeliveryProofs;
import kr.fm.arrears.notice.NotAllowed;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.notice.NoticeTracking;
import kr.fm.arrears.notice.Posting;
import kr.fm.arrears.notice.PostalHandoff;
import kr.fm.arrears.notice.Recipient;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.InvalidInput;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "우체국 접수" part of a notice's page: the bundle to take to the post office's site, the
 * form for its 접수번호 and 등기번호, corrections on the day, the delivery proofs, and the
 * tracking events. The rules are {@link PostalHandoff}'s; this only turns forms into calls.
 */
@Controller
@RequiredArgsConstructor
class PostOfficePage {

    /** What the page shows of the post office side of a notice. */
    public record View(Recipient recipient, List<String> warnings, List<Posting> postings, LocalDate lastDayToPay,
            boolean trackingEnabled, List<DeliveryProofs.Proof> proofs, boolean canPost, boolean posted, LocalDate today) {

        /** Today as YYYY-MM-DD, the value of a date field. */
        public String todayIso() {
            return today.toString();
        }

        /** Postings recorded today whose 등기번호 may still be corrected. */
        public boolean correctable(Posting p) {
            return "POST_OFFICE".equals(p.channel()) && p.open() && p.recordedAt() != null
                    && LocalDate.ofInstant(p.recordedAt(), BusinessTime.SEOUL).equals(today);
        }
    }

    private final PostalHandoff handoff;
    private final NoticeTracking tracking;
    private final DeliveryProofs proofs;
    private final java.time.Clock clock;

    View view(Viewer viewer, long noticeId, NoticeStatus status) {
        Recipient r = handoff.recipient(viewer, noticeId);
        boolean posted = status == NoticeStatus.DISPATCHED || status == NoticeStatus.DELIVERED || status == NoticeStatus.RETURNED;
        return new View(r, r.warnings(), handoff.postings(viewer, noticeId), handoff.lastDayToPay(viewer, noticeId).orElse(null),
                tracking.enabled(), posted ? proofs.list(viewer, noticeId) : List.of(),
                status == NoticeStatus.APPROVED || status == NoticeStatus.RETURNED, posted, BusinessTime.today(clock));
    }

    @GetMapping("/approvals/{id}/bundle")
    Object bundle(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            PostalHandoff.Bundle b = handoff.bundle(id, viewer);
            if (b.heldReason() != null) {
                return Flash.done(redirect, "납부 사정이 바뀌어 발송을 멈추고 반려 상태로 돌렸습니다: " + b.heldReason(), "/approvals/" + id);
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(true, b.fileName(), "post-office.zip"))
                    .body(b.zip());
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    @PostMapping("/approvals/{id}/postings")
    String record(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String receiptNo,
            @RequestParam(required = false) String registeredNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedOn,
            @RequestParam(required = false) Long fee, @RequestParam(required = false) String recipientName,
            @RequestParam(required = false) String recipientPostcode, @RequestParam(required = false) String recipientAddress,
            RedirectAttributes redirect) {
        try {
            Posting p = handoff.record(id, new PostalHandoff.Handoff(receiptNo, registeredNo, postedOn, fee, recipientName,
                    recipientPostcode, recipientAddress), viewer);
            return Flash.done(redirect, "우체국 접수를 기록했습니다. 등기번호 " + p.registeredNo() + " (" + p.attempt() + "번째 발송)",
                    "/approvals/" + id);
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    @PostMapping("/approvals/{id}/postings/{postingId}/correction")
    String correct(Viewer viewer, @PathVariable long id, @PathVariable long postingId, @RequestParam(required = false) String registeredNo,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            Posting p = handoff.correct(id, postingId, registeredNo, reason, viewer);
            return Flash.done(redirect, "등기번호를 " + p.registeredNo() + "(으)로 고쳤습니다.", "/approvals/" + id);
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    /** The delivery or the return as the post office's site shows it, when tracking is off or has not seen it yet. */
    @PostMapping("/approvals/{id}/postings/{postingId}/report")
    String report(Viewer viewer, @PathVariable long id, @PathVariable long postingId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String receiver, @RequestParam(required = false) String returnReason,
            RedirectAttributes redirect) {
        try {
            if (!"DELIVERED".equals(outcome) && !"RETURNED".equals(outcome)) {
                throw InvalidInput.of("outcome", outcome, "배달 또는 반송을 고르세요");
            }
            boolean delivered = outcome.equals("DELIVERED");
            Posting p = handoff.report(id, postingId, new PostalHandoff.Report(delivered, on, receiver, returnReason), viewer);
            return Flash.done(redirect, p.attempt() + "번째 발송의 " + (delivered ? "배달 완료" : "반송 (" + p.returnReason() + ")")
                    + "를 기록했습니다.", "/approvals/" + id);
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    @PostMapping("/approvals/{id}/proofs")
    String upload(Viewer viewer, @PathVariable long id, @RequestParam(required = false) DeliveryProofs.Kind kind,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            DeliveryProofs.Proof p = proofs.upload(id, kind, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), viewer);
            return Flash.done(redirect, p.kind().korean() + " PDF를 붙였습니다. SHA-256 " + p.sha256(), "/approvals/" + id);
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    /** A tracking round now, for every open posting; back to the notice it was asked from. */
    @PostMapping("/approvals/{id}/track")
    String track(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        if (viewer.role() != Viewer.Role.MANAGER && viewer.role() != Viewer.Role.ADMIN) {
            return Flash.refused(redirect, new NotAllowed("담당자만 배송 조회를 실행할 수 있습니다"), "/approvals/" + id);
        }
        NoticeTracking.Round r = tracking.run();
        String said = !r.enabled() ? "종적조회 서비스 키가 없어 배송 추적이 꺼져 있습니다."
                : "배송 조회를 마쳤습니다: " + r.asked() + "건 조회, 새 기록 " + r.newEvents() + "건, 배달 " + r.delivered() + "건, 반송 "
                        + r.returned() + "건" + (r.failed() > 0 ? ", 실패 " + r.failed() + "건 (다음 조회 때 다시 묻습니다)" : "");
        return Flash.done(redirect, said, "/approvals/" + id);
    }
}
