package kr.fm.arrears.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import kr.fm.arrears.shared.Dates;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.Text;

/**
 * Reads the cells of one row, collecting an error per bad cell instead of stopping at the first,
 * so that the answer lists everything wrong with the file at once.
 */
final class Cells {

    // uuuu + STRICT: 2026-02-30 is an error, not 28 February
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final CsvFile.Row row;
    final List<ImportRejected.RowError> errors = new ArrayList<>();

    Cells(CsvFile.Row row) {
        this.row = row;
        row.cells().forEach((column, value) -> {
            if (Text.hasControlCharacter(Text.normalised(value))) {
                error(column, Text.CONTROL_CHARACTER);
            }
        });
    }

    int rowNumber() {
        return row.number();
    }

    String text(String column) {
        return row.get(column);
    }

    void error(String column, String message) {
        errors.add(new ImportRejected.RowError(row.number(), column, row.get(column), message));
    }

    LocalDate date(String column) {
        LocalDate date = parse(column, v -> LocalDate.parse(v.replace('.', '-').replace('/', '-'), DATE),
                "실제 있는 날짜(YYYY-MM-DD)가 아닙니다");
        if (!Dates.inRange(date)) {
            error(column, Dates.OUT_OF_RANGE);
            return null;
        }
        return date;
    }

    YearMonth month(String column) {
        return parse(column, v -> YearMonth.parse(v.replace('.', '-').replace('/', '-')), "월(YYYY-MM)이 아닙니다");
    }

    /** Whole won; "3,300,000" and "3,300,000원" are read as 3300000. */
    Long won(String column) {
        return parse(column, v -> Long.parseLong(v.replace(",", "").replace("원", "").trim()), "원 단위 정수 금액이 아닙니다");
    }

    Integer integer(String column) {
        return parse(column, Integer::parseInt, "정수가 아닙니다");
    }

    /** "12", "12%" or "12.5" percent. */
    BigDecimal percent(String column) {
        return parse(column, v -> new BigDecimal(v.replace("%", "").trim()), "12나 12.5 같은 백분율이 아닙니다");
    }

    Boolean flag(String column) {
        return parse(column, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "예", "o" -> Boolean.TRUE;
            case "n", "no", "false", "0", "아니오", "x" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        }, "Y 또는 N이어야 합니다");
    }

    List<String> list(String column) {
        String v = text(column);
        return v == null ? List.of() : List.of(v.split("\\s*[;,]\\s*"));
    }

    private <T> T parse(String column, Function<String, T> parser, String message) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            error(column, message);
            return null;
        }
    }
}
