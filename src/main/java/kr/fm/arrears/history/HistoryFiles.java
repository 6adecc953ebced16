package kr.fm.arrears.history;

import kr.fm.arrears.shared.Viewer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
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
    private static final java.time.format.DateTimeFormatter KEPT_AT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] INDEX = {"파일명", "문서번호", "종류", "상태", "일시", "건물", "임차인", "계약", "SHA-256"};

    private final NoticeHistory history;
    private final NoticeArchive notices;

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
     * office's 배달증명 and 등본 attached to it ({@link NoticeArchive}), then {@code 발송기록.csv} (every
     * posting, when any was made) and {@code index.csv}. The notices' names are read a page at a time;
     * only the index and posting rows wait for the end.
     */
    void zip(List<Long> approved, List<KeptDocuments.Document> documents, OutputStream out) throws IOException {
        Archive archive = new Archive(out);
        List<List<String>> index = new ArrayList<>(approved.size() + documents.size());
        List<HistoryEntry> filed = new ArrayList<>(approved.size());
        for (int from = 0; from < approved.size(); from += PAGE) {
            for (HistoryEntry e : history.notices(approved.subList(from, Math.min(from + PAGE, approved.size())))) {
                for (NoticeArchive.Filed f : notices.write(archive, e)) {
                    index.add(List.of(f.file().name(), e.documentNo(), f.kind(), e.statusLabel(), HistoryTable.row(e).get(0),
                            e.buildingName(), e.tenantName(), e.leaseCode(), f.file().sha256()));
                }
                filed.add(e);
            }
        }
        // the monthly reports, as kept: landlord-wide, so no building, tenant or lease in their rows
        for (KeptDocuments.Document d : documents) {
            Archive.Filed f = archive.put(d.fileName(), history.content(d));
            index.add(List.of(f.name(), "", d.title(), "보관", KEPT_AT.format(d.at().atZone(kr.fm.arrears.shared.BusinessTime.SEOUL)),
                    "", "", "", f.sha256()));
        }
        notices.dispatches(archive, filed);
        archive.put("index.csv", o -> {
            CSVPrinter csv = csvWithBom(o, INDEX);
            for (List<String> row : index) {
                Archive.row(csv, row);
            }
            csv.flush();
        });
        archive.finish();
    }

    /** The history in its order, read from the sources a page at a time as the file is written. */
    private void pages(Viewer viewer, HistoryFilter f, Long landlord, Consumer<HistoryEntry> each) {
        history.entries(viewer, f, landlord).forEachRemaining(each);
    }

    /** UTF-8 with a BOM: without it Excel reads the Korean as the legacy code page. Not closed: the caller owns the stream. */
    private static CSVPrinter csvWithBom(OutputStream out, String... header) throws IOException {
        return Archive.csv(out, header);
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
