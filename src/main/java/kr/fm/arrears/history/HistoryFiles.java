package kr.fm.arrears.history;

import kr.fm.arrears.shared.Viewer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.shared.Sha256;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * Writes the history's files straight to a stream: rows a page at a time, PDFs one at a time, so
 * nothing of the size of the file is held in memory.
 */
@Component
@RequiredArgsConstructor
class HistoryFiles {

    private static final int PAGE = NoticeHistory.PAGE;
    /** Every posting of the ZIP's notices, a row each: a notice posted again after a return has two. */
    static final String DISPATCHES_FILE = "발송기록.csv";
    private static final String[] DISPATCHES = {"문서번호", "임차인", "계약", "회차", "등기번호", "접수일", "수신 주소", "결과", "결과일",
            "수령인·반송 사유"};
    private static final java.time.format.DateTimeFormatter KEPT_AT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String[] INDEX = {"파일명", "문서번호", "종류", "상태", "일시", "건물", "임차인", "계약", "SHA-256"};

    private final NoticeHistory history;
    private final NoticeWorkflow notices;
    private final kr.fm.arrears.notice.DeliveryProofs proofs;

    void csv(Viewer viewer, HistoryFilter f, Long landlord, OutputStream out) throws IOException {
        CSVPrinter csv = csvWithBom(out, HistoryTable.HEADER.toArray(String[]::new));
        pages(viewer, f, landlord, e -> print(csv, HistoryTable.row(e)));
        csv.flush();
    }

    void xlsx(Viewer viewer, HistoryFilter f, Long landlord, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "arrears", "1.0");
        Worksheet sheet = workbook.newWorksheet("통지이력");
        for (int c = 0; c < HistoryTable.HEADER.size(); c++) {
            sheet.value(0, c, HistoryTable.HEADER.get(c));
        }
        sheet.style(0, 0).bold().set();
        int[] row = {1};
        pages(viewer, f, landlord, e -> {
            int r = row[0]++;
            sheet.value(r, 0, HistoryTable.at(e));
            sheet.style(r, 0).format("yyyy-mm-dd hh:mm").set();
            List<String> rest = HistoryTable.rest(e);
            for (int c = 0; c < rest.size(); c++) {
                sheet.value(r, c + 1, rest.get(c));
            }
            if (r % PAGE == 0) {
                try {
                    sheet.flush(); // written rows leave memory
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
        });
        workbook.finish();
    }

    /**
     * Each approved PDF of the list, read from the database when its turn comes, with the post
     * office's 배달증명 and 등본 attached to it, then {@code 발송기록.csv} (every posting, when any
     * was made) and {@code index.csv}. The notices' names are read
     * a page at a time; only the index and posting rows wait for the end.
     */
    void zip(List<Long> approved, List<KeptDocuments.Document> documents, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<List<String>> index = new ArrayList<>(approved.size() + documents.size());
        List<List<String>> dispatches = new ArrayList<>();
        for (int from = 0; from < approved.size(); from += PAGE) {
            for (HistoryEntry e : history.notices(approved.subList(from, Math.min(from + PAGE, approved.size())))) {
                entry(zip, index, e);
                e.dispatches().forEach(d -> dispatches.add(List.of(e.documentNo(), e.tenantName(), e.leaseCode(),
                        String.valueOf(d.attempt()), Objects.toString(d.registeredNo(), ""), Objects.toString(d.postedOn(), ""),
                        Objects.toString(d.recipientAddress(), ""), d.outcome() == null ? "배달 전"
                                : "DELIVERED".equals(d.outcome()) ? "배달 완료" : "반송",
                        Objects.toString(d.outcomeOn(), ""), Objects.toString(d.outcomeDetail(), ""))));
            }
        }
        // the monthly reports, as kept: landlord-wide, so no building, tenant or lease in their rows
        for (KeptDocuments.Document d : documents) {
            byte[] pdf = history.content(d);
            zip.putNextEntry(new ZipEntry(d.fileName()));
            zip.write(pdf);
            zip.closeEntry();
            index.add(List.of(d.fileName(), "", d.title(), "보관", KEPT_AT.format(d.at().atZone(kr.fm.arrears.shared.BusinessTime.SEOUL)),
                    "", "", "", Sha256.hex(pdf)));
        }
        if (!dispatches.isEmpty()) {
            zip.putNextEntry(new ZipEntry(DISPATCHES_FILE));
            CSVPrinter csv = csvWithBom(zip, DISPATCHES);
            for (List<String> row : dispatches) {
                csv.printRecord(row.stream().map(HistoryFiles::cell).toList());
            }
            csv.flush();
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("index.csv"));
        CSVPrinter csv = csvWithBom(zip, INDEX);
        for (List<String> row : index) {
            csv.printRecord(row.stream().map(HistoryFiles::cell).toList());
        }
        csv.flush();
        zip.closeEntry();
        zip.finish();
    }

    /** One notice's approved PDF and its proofs into the ZIP, and their index rows. */
    private void entry(ZipOutputStream zip, List<List<String>> index, HistoryEntry e) throws IOException {
        byte[] pdf = notices.approvedCopy(e.noticeId());
        String file = NoticeWorkflow.ApprovedPdf.fileName(e.documentNo(), e.tenantName());
        zip.putNextEntry(new ZipEntry(file));
        zip.write(pdf);
        zip.closeEntry();
        index.add(List.of(file, e.documentNo(), e.description(), e.statusLabel(), HistoryTable.row(e).get(0),
                e.buildingName(), e.tenantName(), e.leaseCode(), Sha256.hex(pdf)));
        for (kr.fm.arrears.notice.DeliveryProofs.File proof : proofs.files(e.noticeId())) {
            String name = proof.proof().kind().korean() + "_" + e.documentNo() + "_" + proof.proof().id() + ".pdf";
            zip.putNextEntry(new ZipEntry(name));
            zip.write(proof.pdf());
            zip.closeEntry();
            index.add(List.of(name, e.documentNo(), proof.proof().kind().korean(), e.statusLabel(),
                    HistoryTable.row(e).get(0), e.buildingName(), e.tenantName(), e.leaseCode(), proof.proof().sha256()));
        }
    }

    /** The history in its order, read from the sources a page at a time as the file is written. */
    private void pages(Viewer viewer, HistoryFilter f, Long landlord, Consumer<HistoryEntry> each) {
        history.entries(viewer, f, landlord).forEachRemaining(each);
    }

    /** UTF-8 with a BOM: without it Excel reads the Korean as the legacy code page. Not closed: the caller owns the stream. */
    private static CSVPrinter csvWithBom(OutputStream out, String... header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get());
    }

    /** See {@link kr.fm.arrears.shared.Downloads#csvCell}. */
    static String cell(String value) {
        return kr.fm.arrears.shared.Downloads.csvCell(value);
    }

    private static void print(CSVPrinter csv, List<String> row) {
        try {
            csv.printRecord(row.stream().map(HistoryFiles::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
