package kr.fm.arrears.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.fm.arrears.bank.Deposit;
import kr.fm.arrears.imports.BankLayouts.Role;
import kr.fm.arrears.shared.Dates;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.Text;
import kr.fm.arrears.shared.Won;

/**
 * The deposits of a statement: the rows under the header row whose deposit column holds an amount.
 * Withdrawals, blank rows and total rows (합계, 소계) are skipped; any other row that cannot be read is
 * an error naming its row and column, and one error rejects the whole file.
 */
final class StatementReader {

    record Read(String layout, StatementFile.Kind kind, List<Deposit> deposits) {}

    // 2026.04.01 09:12:33, 2026-04-01 09:12, 2026/04/01, 20260401 091233
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})[-./]?\\s*(\\d{1,2})[-./]?\\s*(\\d{1,2})\\.?(?:[ T]+(\\d{1,2}):?(\\d{2})(?::?(\\d{2}))?(?:\\.\\d+)?)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):?(\\d{2})(?::?(\\d{2}))?");
    private static final Pattern TOTAL = Pattern.compile("^(합계|소계|총계|누계|총\\s*\\d|계$).*");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private StatementReader() {}

    static Read read(byte[] bytes, long limit, Optional<BankLayouts.Layout> saved) {
        StatementFile.Grid grid = StatementFile.read(bytes, limit);
        BankLayouts.Table table = BankLayouts.find(grid.lines(), saved).orElseThrow(() -> ImportRejected.file(
                "앞쪽 행에서 알려진 은행 양식의 머리글 행(거래일시/거래일자, 입금액, 입금자/보낸분 …)을 찾지 못했습니다."
                        + " 이 계좌의 열 매핑을 저장하세요"));
        List<Deposit> deposits = new ArrayList<>();
        List<ImportRejected.RowError> errors = new ArrayList<>();
        for (StatementFile.Line line : grid.lines().subList(table.headerIndex() + 1, grid.lines().size())) {
            Row row = new Row(line, table, errors);
            if (row.skipped()) {
                continue;
            }
            Long amount = row.won(Role.DEPOSIT);
            if (amount == null || amount == 0) {
                continue; // a withdrawal
            }
            LocalDateTime at = row.dateTime();
            Long balance = row.won(Role.BALANCE);
            String payer = row.text(Role.PAYER);
            if (payer == null) {
                payer = row.text(Role.SUMMARY); // 이자, 결산 … have no payer
            }
            String memo = row.text(Role.MEMO);
            String va = row.text(Role.VIRTUAL_ACCOUNT);
            if (row.clean()) {
                deposits.add(new Deposit(line.number(), at, amount, payer == null ? "" : payer, balance, memo,
                        va == null ? null : va.replaceAll("\\D", "")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        if (deposits.isEmpty()) {
            throw ImportRejected.file("머리글 행 아래에 입금이 없습니다");
        }
        return new Read(table.layout().name(), grid.kind(), deposits);
    }

    /** One row's cells by role, collecting an error per bad cell. */
    private static final class Row {
        private final StatementFile.Line line;
        private final BankLayouts.Table table;
        private final List<ImportRejected.RowError> errors;
        private final int before;

        Row(StatementFile.Line line, BankLayouts.Table table, List<ImportRejected.RowError> errors) {
            this.line = line;
            this.table = table;
            this.errors = errors;
            this.before = errors.size();
        }

        boolean skipped() {
            String first = line.cells().stream().filter(c -> c != null && !c.isBlank()).findFirst().orElse(null);
            if (first == null || TOTAL.matcher(first.strip()).matches()) {
                return true;
            }
            // a footer line under the table ("조회기간 …", "출력일시 …") has no date in its date column
            return raw(table.columns().containsKey(Role.DATE_TIME) ? Role.DATE_TIME : Role.DATE) == null;
        }

        boolean clean() {
            return errors.size() == before;
        }

        String raw(Role role) {
            Integer c = table.columns().get(role);
            return c == null ? null : line.cell(c);
        }

        void error(Role role, String message) {
            errors.add(new ImportRejected.RowError(line.number(), table.headerText().get(role), raw(role), message));
        }

        String text(Role role) {
            String v = raw(role);
            if (v != null && Text.hasControlCharacter(Text.normalised(v))) {
                error(role, Text.CONTROL_CHARACTER);
                return null;
            }
            if (v != null && v.length() > 200) {
                error(role, "200자를 넘습니다");
                return null;
            }
            return v;
        }

        /** Whole won: "3,300,000", "3,300,000원"; blank, "-" or 0 is none. */
        Long won(Role role) {
            String v = raw(role);
            if (v == null || v.equals("-")) {
                return null;
            }
            try {
                long won = Long.parseLong(v.replace(",", "").replace("원", "").strip());
                if (won < 0 || won > Won.MAX) {
                    error(role, "0원부터 100,000,000,000원 사이여야 합니다");
                    return null;
                }
                return won;
            } catch (NumberFormatException e) {
                error(role, "원 단위 정수 금액이 아닙니다");
                return null;
            }
        }

        LocalDateTime dateTime() {
            Role role = table.columns().containsKey(Role.DATE_TIME) ? Role.DATE_TIME : Role.DATE;
            String v = raw(role);
            Matcher m = v == null ? null : DATE_TIME.matcher(v);
            if (m == null || !m.matches()) {
                error(role, "2026.04.01 09:12:33 같은 날짜와 시각이 아닙니다");
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3)), STRICT);
            } catch (DateTimeParseException e) {
                error(role, "실제 있는 날짜가 아닙니다");
                return null;
            }
            if (!Dates.inRange(date)) {
                error(role, Dates.OUT_OF_RANGE);
                return null;
            }
            LocalTime time = m.group(4) != null ? time(role, m.group(4), m.group(5), m.group(6)) : timeColumn();
            return time == null ? null : date.atTime(time);
        }

        private LocalTime timeColumn() {
            String v = raw(Role.TIME);
            if (!table.columns().containsKey(Role.TIME) || v == null) {
                return LocalTime.MIDNIGHT; // a statement by day: the line key still tells lines apart by balance
            }
            Matcher m = TIME.matcher(v);
            if (!m.matches()) {
                error(Role.TIME, "09:12:33 같은 시각이 아닙니다");
                return null;
            }
            return time(Role.TIME, m.group(1), m.group(2), m.group(3));
        }

        private LocalTime time(Role role, String h, String min, String s) {
            int hour = Integer.parseInt(h);
            int minute = Integer.parseInt(min);
            int second = s == null ? 0 : Integer.parseInt(s);
            if (hour > 23 || minute > 59 || second > 59) {
                error(role, "실제 있는 시각이 아닙니다");
                return null;
            }
            return LocalTime.of(hour, minute, second);
        }

        private static String pad(String n) {
            return n.length() == 1 ? "0" + n : n;
        }
    }

}
