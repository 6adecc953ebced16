package kr.fm.arrears.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import kr.fm.arrears.audit.DocumentDownloaded;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/cases/{id}/evidence?asOf=YYYY-MM-DD}: the case's evidence pack as one ZIP, for staff
 * and the case's landlord (another landlord's case is not found). The case is read and the download
 * audited before the first byte; then the ZIP is streamed as it is written.
 */
@RestController
@RequiredArgsConstructor
class EvidenceController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final EvidencePack pack;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    @GetMapping("/api/cases/{id}/evidence")
    ResponseEntity<StreamingResponseBody> evidence(Viewer viewer, @PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        LocalDate today = BusinessTime.today(clock);
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today)) {
            throw InvalidInput.of("asOf", date.toString(), "기준일은 오늘 이후일 수 없습니다");
        }
        CaseFile file = pack.read(viewer, id, date, today);
        EvidencePack.Documents documents = pack.render(file);
        PaymentOrder order = documents.order();
        String name = "소송자료_" + Downloads.namePart(file.lease().tenantName()) + "_" + file.lease().code() + "_" + date + ".zip";
        tx.executeWithoutResult(s -> events.publishEvent(new DocumentDownloaded(viewer.name(), "EVIDENCE_PACK", name, "CASE", id,
                file.lease().leaseId(), Map.of("asOf", date.toString(), "overdueBalance", file.arrears().overdueBalance(),
                        "lateInterest", file.arrears().lateInterest(), "claimValue", order.claimValue(),
                        "noticeIds", file.filed().stream().map(e -> e.noticeId()).toList()))));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(true, name,
                        "evidence_" + file.lease().code() + "_" + date + ".zip"))
                .body(out -> pack.write(file, documents, out));
    }
}
