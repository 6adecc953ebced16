package kr.fm.arrears.history;

import static kr.fm.arrears.audit.AuditLog.details;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.security.Scope;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.Sha256;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * the approved PDFs of a filter as one ZIP. Files are streamed as they are written (the ZIP reads
 * one PDF at a time from the database) and every download is audited once, when it starts.
 */
@RestController
@RequestMapping("/api/history")
class HistoryController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final int PAGE = 1000;

    private final NoticeHistory history;
    private final NoticeWorkflow notices;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    HistoryController(NoticeHistory history, NoticeWorkflow notices, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.history = history;
        this.notices = notices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    record Page(long total, int limit, int offset, List<HistoryEntry> items) {}

    @GetMapping
    Page list(@RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId,
            @RequestParam(required = false) Long tenantId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        HistoryFilter f = new HistoryFilter(buildingId, tenantId, from, to, status, kind);
        int page = Math.min(Math.max(limit, 1), 1000);
        int skip = Math.max(offset, 0);
        return new Page(history.count(f, landlordId), page, skip, history.list(f, landlordId, page, skip));
    }

    /** This month (Asia/Seoul) unless {@code month=YYYY-MM} is given. */
    @GetMapping("/summary")
    MonthlySummary summary(@RequestParam(required = false) Long landlordId, @RequestParam(required = false) YearMonth month) {
        return history.summary(month == null ? YearMonth.from(BusinessTime.today(clock)) : month, landlordId);
    }

    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String kind) {
        HistoryFilter f = new HistoryFilter(buildingId, tenantId, from, to, status, kind);
        Long landlord = Scope.landlordFilter(landlordId);
        String name = "통지이력_" + period(f) + ".csv";
        audited("HISTORY_CSV", name, f, landlord, history.count(f, landlord), null);
        return file(CSV, name, "notice-history_" + period(f) + ".csv", out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // the BOM makes Excel read the Korean as UTF-8
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HistoryTable.HEADER.toArray(String[]::new)).get());
            pages(f, landlord, e -> print(csv, HistoryTable.row(e)));
            csv.flush();
        });
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String kind) {
        HistoryFilter f = new HistoryFilter(buildingId, tenantId, from, to, status, kind);
        Long landlord = Scope.landlordFilter(landlordId);
        String name = "통지이력_" + period(f) + ".xlsx";
        audited("HISTORY_XLSX", name, f, landlord, history.count(f, landlord), null);
        return file(XLSX, name, "notice-history_" + period(f) + ".xlsx", out -> {
            Workbook workbook = new Workbook(out, "arrears", "1.0");
            Worksheet sheet = workbook.newWorksheet("통지이력");
            for (int c = 0; c < HistoryTable.HEADER.size(); c++) {
                sheet.value(0, c, HistoryTable.HEADER.get(c));
            }
            sheet.style(0, 0).bold().set();
            int[] row = {1};
            pages(f, landlord, e -> {
                int r = row[0]++;
                sheet.value(r, 0, HistoryTable.at(e));
                sheet.style(r, 0).format("yyyy-mm-dd hh:mm").set();
                List<String> rest = HistoryTable.rest(e);
                for (int c = 0; c < rest.size(); c++) {
                    sheet.value(r, c + 1, rest.get(c));
                }
                if (r % PAGE == 0) {
                    flush(sheet); // rows leave memory as they are written
                }
            });
            workbook.finish();
        });
    }

    /**
     * The approved PDFs of the filter's notices and an {@code index.csv} listing them (file, document
     * number, SHA-256 …). Streamed: each PDF is read from the database, written and dropped.
     */
    @GetMapping("/notices.zip")
    ResponseEntity<StreamingResponseBody> zip(@RequestParam(required = false) Long landlordId,
            @RequestParam(required = false) Long buildingId, @RequestParam(required = false) Long tenantId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String status) {
        HistoryFilter f = new HistoryFilter(buildingId, tenantId, from, to, status, HistoryEntry.NOTICE);
        Long landlord = Scope.landlordFilter(landlordId);
        List<HistoryEntry> approved = history.approvedNotices(f, landlord);
        String today = BusinessTime.today(clock).toString();
        String name = "내용증명_" + today + ".zip";
        audited("NOTICE_ZIP", name, f, landlord, approved.size(), approved.stream().map(HistoryEntry::noticeId).toList());
        return file(ZIP, name, "notices_" + today + ".zip", out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            List<List<String>> index = new ArrayList<>(approved.size());
            for (HistoryEntry e : approved) {
                byte[] pdf = notices.approvedCopy(e.noticeId());
                String file = NoticeWorkflow.ApprovedPdf.fileName(e.documentNo(), e.tenantName());
                zip.putNextEntry(new ZipEntry(file));
                zip.write(pdf);
                zip.closeEntry();
                index.add(List.of(file, e.documentNo(), e.description(), e.statusLabel(),
                        HistoryTable.row(e).get(0), e.buildingName(), e.tenantName(), e.leaseCode(), Sha256.hex(pdf)));
            }
            zip.putNextEntry(new ZipEntry("index.csv"));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader("파일명", "문서번호", "종류", "상태", "일시", "건물", "임차인", "계약", "SHA-256").get());
            for (List<String> row : index) {
                csv.printRecord(row);
            }
            csv.flush();
            zip.closeEntry();
            zip.finish();
        });
    }

    private void pages(HistoryFilter f, Long landlord, Consumer<HistoryEntry> each) {
        for (int offset = 0; ; offset += PAGE) {
            List<HistoryEntry> page = history.list(f, landlord, PAGE, offset);
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** One DOCUMENT_DOWNLOADED event per download: who, which file, the filter and how many rows or PDFs. */
    private void audited(String document, String name, HistoryFilter f, Long landlord, long count, List<Long> noticeIds) {
        Map<String, Object> details = details("document", document, "file", name, "count", count, "landlordId", landlord,
                "buildingId", f.buildingId(), "tenantId", f.tenantId(), "from", f.from(), "to", f.to(), "status", f.status(),
                "kind", f.kind());
        details.values().removeIf(java.util.Objects::isNull);
        if (noticeIds != null) {
            details.put("noticeIds", noticeIds);
        }
        tx.executeWithoutResult(s -> audit.record(new AuditLog.Event(Actor.current(), NoticeWorkflow.DOWNLOADED, "HISTORY",
                name, null, null, details)));
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

    private static void print(CSVPrinter csv, List<String> row) {
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
