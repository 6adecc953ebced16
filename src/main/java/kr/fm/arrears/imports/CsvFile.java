package kr.fm.arrears.imports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.fm.arrears.shared.ImportRejected;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as Korean spreadsheets write it: UTF-8 with or without BOM, or EUC-KR/CP949 (what Excel
 * saves as "CSV" on a Korean Windows). Headers are matched without regard to case, spaces or BOM,
 * and may be given by their Korean aliases.
 */
final class CsvFile {

    static final Charset CP949 = Charset.forName("x-windows-949");

    /** A data row: its line number as a spreadsheet shows it (header = 1) and its cells by column. */
    record Row(int number, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private final List<Row> rows;

    private CsvFile(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Decodes and parses the file, checking that every required column is there.
     *
     * @param aliases other names a column may go by (e.g. 입금액 → amount)
     */
    static CsvFile parse(byte[] bytes, Set<String> required, Set<String> optional, Map<String, String> aliases) {
        String text = decode(bytes);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            Map<String, String> columnOf = new LinkedHashMap<>();
            List<ImportRejected.RowError> headerErrors = new ArrayList<>();
            for (String header : parser.getHeaderNames()) {
                String key = normalize(header);
                String column = aliases.getOrDefault(key, key);
                if (required.contains(column) || optional.contains(column)) {
                    columnOf.put(header, column);
                } else if (!header.isBlank()) {
                    headerErrors.add(new ImportRejected.RowError(1, header, null, "알 수 없는 열입니다"));
                }
            }
            for (String column : required) {
                if (!columnOf.containsValue(column)) {
                    headerErrors.add(new ImportRejected.RowError(1, column, null, "꼭 있어야 하는 열이 없습니다"));
                }
            }
            if (!headerErrors.isEmpty()) {
                throw new ImportRejected(headerErrors);
            }
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                columnOf.forEach((header, column) -> cells.put(column, record.isMapped(header) && record.isSet(header)
                        ? record.get(header) : null));
                if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // a trailing empty line of ;;;; from a spreadsheet
                }
                // line number of the record's first line, counting the header as line 1
                rows.add(new Row((int) record.getRecordNumber() + 1, cells));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ImportRejected.file("CSV로 읽을 수 없는 파일입니다: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            // a broken record (e.g. an unclosed quote) surfaces while iterating; its cause says where
            throw ImportRejected.file("CSV로 읽을 수 없는 파일입니다: " + e.getCause().getMessage());
        }
        if (rows.isEmpty()) {
            throw ImportRejected.file("데이터 행이 없습니다");
        }
        return new CsvFile(rows);
    }

    /** The text of a file in UTF-8 (with or without BOM) or, failing that, CP949; refused as neither. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, 3, bytes.length - 3));
        }
        try {
            return strictOrThrow(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException notUtf8) {
            return strict(CP949, ByteBuffer.wrap(bytes));
        }
    }

    private static String strict(Charset charset, ByteBuffer bytes) {
        try {
            return strictOrThrow(charset, bytes);
        } catch (CharacterCodingException e) {
            throw ImportRejected.file("UTF-8이나 EUC-KR/CP949 글자 파일이 아닙니다");
        }
    }

    private static String strictOrThrow(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        if (text.indexOf('\0') >= 0) {
            throw new CharacterCodingException();
        }
        return text;
    }

    private static String normalize(String header) {
        return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
