package kr.fm.arrears.report;

import java.time.YearMonth;
import java.util.List;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly reports over HTTP: an ADMIN runs a month again ({@code replace=true} to make again what
 * was made; without it, only the landlords still missing theirs get one), a landlord lists and
 * downloads their own.
 */
@RestController
@RequestMapping("/api/reports")
@RequiredArgsConstructor
class ReportController {

    private final OwnerReports reports;

    @PostMapping("/monthly")
    ResponseEntity<OwnerReports.Run> run(Viewer viewer, @RequestParam YearMonth month,
            @RequestParam(defaultValue = "false") boolean replace) {
        if (viewer.role() != Viewer.Role.ADMIN) {
            return ResponseEntity.status(403).build();
        }
        return ResponseEntity.ok(reports.generate(month, replace, viewer.name()));
    }

    @GetMapping("/monthly")
    List<OwnerReports.Report> list(Viewer viewer, @RequestParam(required = false) Long landlordId) {
        return reports.list(viewer, landlordId);
    }

    @GetMapping("/monthly/{id}.pdf")
    ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable long id) {
        OwnerReports.Report r = reports.report(viewer, id);
        String name = "월간임대관리보고서_" + r.month() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(true, name, "owner-report-" + r.month() + ".pdf"))
                .header("X-Content-SHA256", r.sha256())
                .body(reports.download(viewer, id));
    }
}
