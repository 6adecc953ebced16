package kr.fm.arrears.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.fm.arrears.shared.ImportRejected;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A statement file as a grid of text cells, whatever the bank saved: xlsx, a real BIFF .xls, an HTML
 * table named .xls, or CSV (UTF-8 or CP949). The kind is told by the bytes, not the name: banks name
 * their HTML exports .xls. Rows keep their number as a spreadsheet shows it (first row = 1).
 */
final class StatementFile {

    /** One row of the first sheet (or table) with its spreadsheet row number. */
    record Line(int number, List<String> cells) {
        String cell(int column) {
            if (column < 0 || column >= cells.size()) {
                return null;
            }
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    enum Kind { XLSX, XLS, HTML, CSV }

    record Grid(Kind kind, List<Line> lines) {}

    private StatementFile() {}

    static Grid read(byte[] bytes, long limit) {
        if (bytes.length > limit) {
            // the container bounds uploads too; this guards every other caller (the benchmark, the page)
            throw ImportRejected.file("파일이 " + limit / (1024 * 1024) + " MB보다 큽니다");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            return new Grid(Kind.XLSX, workbook(bytes));
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            return new Grid(Kind.XLS, workbook(bytes));
        }
        String text = CsvFile.decode(bytes);
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
        if (head.contains("<table") || head.contains("<html")) {
            return new Grid(Kind.HTML, html(text));
        }
        return new Grid(Kind.CSV, csv(text));
    }

    private static List<Line> workbook(byte[] bytes) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw ImportRejected.file("엑셀 파일에 시트가 없습니다");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.KOREA);
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c), format));
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejected rejected) {
                throw rejected;
            }
            throw ImportRejected.file("읽을 수 있는 엑셀 파일이 아닙니다: " + e.getMessage());
        }
    }

    /** Dates as ISO text and whole numbers without a fraction, so both read like the bank's CSV. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                // a serial date is a double: 09:12:33 may come back as 09:12:32.9999
                LocalDateTime at = cell.getLocalDateTimeCellValue().plusNanos(500_000_000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString().replace('T', ' ');
            }
            double v = cell.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return format.formatCellValue(cell);
    }

    private static List<Line> html(String text) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (Element tr : Jsoup.parse(text).select("tr")) {
            number++;
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (cell.nameIs("td") || cell.nameIs("th")) {
                    cells.add(cell.text().replace('\u00A0', ' '));
                }
            }
            lines.add(new Line(number, cells));
        }
        return lines;
    }

    private static List<Line> csv(String text) {
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                lines.add(new Line((int) record.getRecordNumber(), record.toList()));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ImportRejected.file("CSV로 읽을 수 없는 파일입니다: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw ImportRejected.file("CSV로 읽을 수 없는 파일입니다: " + e.getCause().getMessage());
        }
        return lines;
    }
}
