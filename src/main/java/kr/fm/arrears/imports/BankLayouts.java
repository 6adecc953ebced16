package kr.fm.arrears.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column layouts of business banking exports, recognised by their header row. Each bank names
 * the same things differently (KB's 보낸분/받는분 is 하나's 의뢰인/수취인, 신한's 내용, 우리's 기재내용), and
 * the same word differs by bank (IBK's 거래내용 is the payer, NH's is the kind of transaction), so a
 * layout is a whole header set, not a dictionary of words. A layout no profile knows is read with the
 * mapping a MANAGER saved for the account.
 */
final class BankLayouts {

    /** What a column holds. SUMMARY (적요) is the kind of transaction: payer text only when there is no payer column. */
    enum Role { DATE_TIME, DATE, TIME, PAYER, SUMMARY, DEPOSIT, WITHDRAWAL, BALANCE, MEMO, BRANCH, VIRTUAL_ACCOUNT }

    /** A layout: its name and its headers (normalised) with what each holds. */
    record Layout(String name, Map<String, Role> headers) {}

    /** A header row found: the layout, the row it is on, and the column of each role. */
    record Table(Layout layout, int headerIndex, Map<Role, Integer> columns, Map<Role, String> headerText) {}

    static final List<Layout> PROFILES = List.of(
            layout("KB국민은행", "거래일시", Role.DATE_TIME, "적요", Role.SUMMARY, "보낸분/받는분", Role.PAYER,
                    "송금메모", Role.MEMO, "출금액", Role.WITHDRAWAL, "입금액", Role.DEPOSIT, "잔액", Role.BALANCE,
                    "거래점", Role.BRANCH),
            layout("신한은행", "거래일자", Role.DATE, "거래시간", Role.TIME, "적요", Role.SUMMARY, "출금", Role.WITHDRAWAL,
                    "입금", Role.DEPOSIT, "내용", Role.PAYER, "잔액", Role.BALANCE, "거래점", Role.BRANCH),
            layout("우리은행", "거래일시", Role.DATE_TIME, "적요", Role.SUMMARY, "기재내용", Role.PAYER, "지급", Role.WITHDRAWAL,
                    "입금", Role.DEPOSIT, "거래후잔액", Role.BALANCE, "취급점", Role.BRANCH, "메모", Role.MEMO),
            layout("하나은행", "거래일시", Role.DATE_TIME, "적요", Role.SUMMARY, "의뢰인/수취인", Role.PAYER,
                    "출금액", Role.WITHDRAWAL, "입금액", Role.DEPOSIT, "거래후잔액", Role.BALANCE, "거래점", Role.BRANCH,
                    "거래특이사항", Role.MEMO),
            layout("NH농협은행", "거래일시", Role.DATE_TIME, "출금금액", Role.WITHDRAWAL, "입금금액", Role.DEPOSIT,
                    "거래후잔액", Role.BALANCE, "거래내용", Role.SUMMARY, "거래기록사항", Role.PAYER, "거래점", Role.BRANCH,
                    "거래메모", Role.MEMO),
            layout("IBK기업은행", "거래일시", Role.DATE_TIME, "출금", Role.WITHDRAWAL, "입금", Role.DEPOSIT,
                    "거래후잔액", Role.BALANCE, "거래내용", Role.PAYER, "메모", Role.MEMO),
            // passbook wording (맡기신/찾으신금액) as some banks' simple inquiry screens still print it
            layout("통장식", "거래일자", Role.DATE, "적요", Role.SUMMARY, "찾으신금액", Role.WITHDRAWAL,
                    "맡기신금액", Role.DEPOSIT, "잔액", Role.BALANCE, "입금자", Role.PAYER, "거래점", Role.BRANCH),
            layout("가상계좌 입금내역", "입금일시", Role.DATE_TIME, "가상계좌번호", Role.VIRTUAL_ACCOUNT, "입금자명", Role.PAYER,
                    "입금액", Role.DEPOSIT, "메모", Role.MEMO));

    /** The keys of a saved mapping, as the API takes them: {"dateTime": "거래일시", "payer": "보낸분", ...}. */
    static final Map<String, Role> MAPPING_KEYS = mappingKeys();

    private static final int HEADER_SEARCH_ROWS = 40;

    private BankLayouts() {}

    /** Header text as compared: no spaces, no unit "(원)", lower case. */
    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("\\s+", "").replace("(원)", "").toLowerCase(Locale.ROOT);
    }

    /** The first row (of the first 40) that is the header of a known layout, the saved mapping first. */
    static Optional<Table> find(List<StatementFile.Line> lines, Optional<Layout> saved) {
        List<Layout> layouts = new ArrayList<>();
        saved.ifPresent(layouts::add);
        layouts.addAll(PROFILES);
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            List<String> cells = lines.get(i).cells();
            Table best = null;
            for (Layout layout : layouts) {
                Table t = fit(layout, i, cells);
                // most headers recognised wins: KB's and 하나's share 거래일시/적요/출금액/입금액, not their payer column
                if (t != null && (best == null || t.columns().size() > best.columns().size())) {
                    best = t;
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    private static Table fit(Layout layout, int index, List<String> cells) {
        Map<Role, Integer> columns = new EnumMap<>(Role.class);
        Map<Role, String> text = new EnumMap<>(Role.class);
        for (int c = 0; c < cells.size(); c++) {
            Role role = layout.headers().get(normalise(cells.get(c)));
            if (role != null && !columns.containsKey(role)) {
                columns.put(role, c);
                text.put(role, cells.get(c).strip());
            }
        }
        boolean dated = columns.containsKey(Role.DATE_TIME) || columns.containsKey(Role.DATE);
        boolean paid = columns.containsKey(Role.PAYER) || columns.containsKey(Role.SUMMARY);
        if (!dated || !columns.containsKey(Role.DEPOSIT) || !paid) {
            return null;
        }
        // every header of a layout but the memo and branch must be there, or 신한's 입금/출금 would fit IBK's sheet
        boolean whole = layout.headers().values().stream().filter(r -> r != Role.MEMO && r != Role.BRANCH)
                .allMatch(columns::containsKey);
        return whole ? new Table(layout, index, columns, text) : null;
    }

    /** A saved mapping (key → header text) as a layout; its unknown keys are refused by {@link #mappingErrors}. */
    static Layout fromMapping(Map<String, String> mapping) {
        Map<String, Role> headers = new LinkedHashMap<>();
        mapping.forEach((key, header) -> {
            Role role = MAPPING_KEYS.get(key);
            if (role != null && header != null && !header.isBlank()) {
                headers.put(normalise(header), role);
            }
        });
        return new Layout("저장된 열 지정", headers);
    }

    /** Why a mapping cannot be saved, by key; empty when it can. */
    static Map<String, String> mappingErrors(Map<String, String> mapping) {
        Map<String, String> errors = new LinkedHashMap<>();
        mapping.forEach((key, header) -> {
            if (!MAPPING_KEYS.containsKey(key)) {
                errors.put(key, "열 역할이 아닙니다 (" + String.join(", ", MAPPING_KEYS.keySet()) + " 중 하나)");
            } else if (header == null || header.isBlank() || header.length() > 100
                    || kr.fm.arrears.shared.Text.hasControlCharacter(header)) {
                errors.put(key, "열의 머리글 글자(1~100자)여야 합니다");
            }
        });
        boolean dated = mapping.containsKey("dateTime") || mapping.containsKey("date");
        if (!dated) {
            errors.put("dateTime", "매핑에는 dateTime, 또는 date(필요하면 time도)가 있어야 합니다");
        }
        if (!mapping.containsKey("deposit")) {
            errors.put("deposit", "매핑에는 입금액 열(deposit)이 있어야 합니다");
        }
        if (!mapping.containsKey("payer")) {
            errors.put("payer", "매핑에는 입금자 열(payer)이 있어야 합니다");
        }
        return errors;
    }

    private static Map<String, Role> mappingKeys() {
        Map<String, Role> keys = new LinkedHashMap<>();
        keys.put("dateTime", Role.DATE_TIME);
        keys.put("date", Role.DATE);
        keys.put("time", Role.TIME);
        keys.put("payer", Role.PAYER);
        keys.put("deposit", Role.DEPOSIT);
        keys.put("withdrawal", Role.WITHDRAWAL);
        keys.put("balance", Role.BALANCE);
        keys.put("memo", Role.MEMO);
        keys.put("virtualAccount", Role.VIRTUAL_ACCOUNT);
        return keys;
    }

    private static Layout layout(String name, Object... headerRoles) {
        Map<String, Role> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerRoles.length; i += 2) {
            headers.put(normalise((String) headerRoles[i]), (Role) headerRoles[i + 1]);
        }
        return new Layout(name, headers);
    }
}
