package kr.fm.arrears.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Downloads;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The notice history over HTTP: the list, the month's summary, the exports for the accountant and
 * the approved PDFs of a filter as one ZIP. Files are streamed as {@link HistoryFiles} writes them,
 * and every download is audited once, when it starts (a bad filter fails before that).
 */
@RestController
@RequestMapping("/api/history")
@RequiredArgsConstructor
class HistoryController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final NoticeHistory history;
    private final HistoryFiles files;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    record Page(long total, int limit, int offset, List<HistoryEntry> items) {}

    @GetMapping
    Page list(Viewer viewer, @RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId,
            @RequestParam(required = false) Long tenantId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        HistoryFilter f = new HistoryFilter(buildingId, tenantId, from, to, status, kind);
        int page = Math.min(Math.max(limit, 1), 1000);
        int skip = Math.max(offset, 0);
        return new Page(history.count(viewer, f, landlordId), page, skip, history.list(viewer, f, landlordId, page, skip));
    }

    /** This month (Asia/Seoul) unless {@code month=YYYY-MM} is given. */
    @GetMapping("/summary")
    MonthlySummary summary(Viewer viewer, @RequestParam(required = false) Long landlordId, @RequestParam(required = false) YearMonth month) {
        return history.summary(viewer, month == null ? YearMonth.from(BusinessTime.today(clock)) : month, landlordId);
    }

    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> csv(Viewer viewer, @RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String kind) {
        return export(viewer, "HISTORY_CSV", CSV, "csv", new HistoryFilter(buildingId, tenantId, from, to, status, kind), landlordId,
                files::csv);
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(Viewer viewer, @RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String kind) {
        return export(viewer, "HISTORY_XLSX", XLSX, "xlsx", new HistoryFilter(buildingId, tenantId, from, to, status, kind),
                landlordId, files::xlsx);
    }

    /** Writes the filtered history to {@code out} for the landlord the caller may see. */
    interface Export {
        void write(Viewer viewer, HistoryFilter f, Long landlord, java.io.OutputStream out) throws java.io.IOException;
    }

    /** The history as one file (CSV or Excel): audited when it starts, then streamed. */
    private ResponseEntity<StreamingResponseBody> export(Viewer viewer, String document, MediaType type, String extension, HistoryFilter f,
            Long landlordId, Export export) {
        Long landlord = viewer.landlordFilter(landlordId);
        String name = "통지이력_" + period(f) + "." + extension;
        audited(viewer, document, name, f, landlord, history.count(viewer, f, landlord), null);
        return file(type, name, "notice-history_" + period(f) + "." + extension, out -> export.write(viewer, f, landlord, out));
    }

    /**
     * The approved PDFs of the filter's notices and an {@code index.csv} listing them (file, document
     * number, SHA-256 …), in document-number order.
     */
    @GetMapping("/notices.zip")
    ResponseEntity<StreamingResponseBody> zip(Viewer viewer, @RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String status) {
        HistoryFilter f = new HistoryFilter(buildingId, tenantId, from, to, status, HistoryEntry.NOTICE);
        List<Long> approved = history.approvedNotices(viewer, f, landlordId);
        // the landlord's monthly reports go with the notices, unless the filter narrows to a building, tenant or status
        List<KeptDocuments.Document> documents = history.documents(viewer, new HistoryFilter(buildingId, tenantId, from, to, status, null),
                landlordId);
        String today = BusinessTime.today(clock).toString();
        String name = "내용증명_" + today + ".zip";
        audited(viewer, "NOTICE_ZIP", name, f, viewer.landlordFilter(landlordId), approved.size() + documents.size(), approved);
        return file(ZIP, name, "notices_" + today + ".zip", out -> files.zip(approved, documents, out));
    }

    /** One DOCUMENT_DOWNLOADED event per download: who, which file, the filter and how many rows or PDFs. */
    private void audited(Viewer viewer, String document, String name, HistoryFilter f, Long landlord, long count, List<Long> noticeIds) {
        tx.executeWithoutResult(s -> events.publishEvent(new HistoryDownloaded(viewer.name(), document, name, count, landlord, f,
                noticeIds)));
    }

    /** The filter's period as a file name part: the month, the two dates, or the whole history. */
    private String period(HistoryFilter f) {
        if (f.from() != null && f.to() != null && YearMonth.from(f.from()).equals(YearMonth.from(f.to()))
                && f.from().getDayOfMonth() == 1 && f.to().equals(f.to().withDayOfMonth(f.to().lengthOfMonth()))) {
            return YearMonth.from(f.from()).toString();
        }
        if (f.from() != null || f.to() != null) {
            return (f.from() == null ? "" : f.from().toString()) + "~" + (f.to() == null ? "" : f.to().toString());
        }
        return BusinessTime.today(clock).toString();
    }

    private static ResponseEntity<StreamingResponseBody> file(MediaType type, String name, String ascii,
            StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(true, name, ascii)).body(body);
    }

}
