package kr.fm.arrears.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Made-up statements in the layouts banks commonly export (docs/examples/bank/, docs/import-format.md):
 * title and account rows above the table, deposits and withdrawals mixed, a total row under it. The
 * names and amounts are the example portfolio's (docs/examples/leases.csv); no real account or person.
 * {@code main} writes them under docs/examples/bank; the tests build the same bytes in memory.
 */
public final class StatementExamples {

    /** A transaction as every layout prints it; 0 = no amount in that column. */
    public record Tx(LocalDateTime at, String summary, String payer, long withdrawal, long deposit, long balance, String branch,
            String memo) {}

    public static final String ACCOUNT_A = "123-45-6789-012"; // 한울산업개발, 국민은행 (leases.csv)
    public static final String ACCOUNT_B = "110-234-567890"; // 서동산업(주), 신한은행

    /** Printed in every example's title rows: no real bank, account or person. */
    static final String MADE_UP = "예시 자료(가상): 실제 은행 출력물이 아닙니다";

    private static final DateTimeFormatter DOTS = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");
    private static final DateTimeFormatter DASHES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** April 2026 on 한울산업개발's account: three tenants pay, one through its representative, two bills go out. */
    public static List<Tx> hanul() {
        List<Tx> t = new ArrayList<>();
        long b = 12_480_000;
        t.add(new Tx(at(4, 10, 9, 12, 33), "타행이체", "(주)대성정밀", 0, 3_630_000, b += 3_630_000, "화성향남", "4월 임대료"));
        t.add(new Tx(at(4, 10, 11, 40, 2), "CMS출금", "한국전력공사", 1_254_300, 0, b -= 1_254_300, "본점", null));
        t.add(new Tx(at(4, 11, 14, 3, 51), "모바일", "김대성", 0, 3_630_000, b += 3_630_000, "", null));
        t.add(new Tx(at(4, 25, 10, 20, 0), "타행이체", "미래테크", 0, 1_815_000, b += 1_815_000, "안산중앙", null));
        t.add(new Tx(at(4, 28, 16, 45, 10), "인터넷이체", "화성관리(주)", 300_000, 0, b -= 300_000, "", "청소용역"));
        t.add(new Tx(at(4, 30, 9, 0, 0), "타행이체", "주식회사 성진물산", 0, 2_420_000, b += 2_420_000, "평택", null));
        t.add(new Tx(at(4, 30, 23, 59, 59), "결산이자", "", 0, 1_234, b += 1_234, "", null));
        return t;
    }

    /** April 2026 on 서동산업(주)'s account: 그린팩토리 pays, a refund comes back, rent goes out. */
    public static List<Tx> seodong() {
        List<Tx> t = new ArrayList<>();
        long b = 5_200_000;
        t.add(new Tx(at(4, 1, 8, 55, 12), "이체", "그린팩토리", 0, 968_000, b += 968_000, "안산", null));
        t.add(new Tx(at(4, 3, 13, 10, 0), "출금", "안산시청", 150_000, 0, b -= 150_000, "안산", "재산세"));
        t.add(new Tx(at(4, 9, 15, 22, 41), "환불", "㈜그린팩토리", 0, 55_000, b += 55_000, "", "과오납 환불"));
        return t;
    }

    /** A bank's layout and the format its example is saved in. */
    public record Example(String file, String bank, String account, List<Tx> txs) {}

    public static List<Example> all() {
        return List.of(new Example("kb-kookmin.xlsx", "KB국민은행", ACCOUNT_A, hanul()),
                new Example("shinhan-biff.xls", "신한은행", ACCOUNT_B, seodong()),
                new Example("woori-html.xls", "우리은행", ACCOUNT_A, hanul()),
                new Example("hana.xlsx", "하나은행", ACCOUNT_A, hanul()),
                new Example("nh-cp949.csv", "NH농협은행", ACCOUNT_A, hanul()),
                new Example("ibk-biff.xls", "IBK기업은행", ACCOUNT_B, seodong()));
    }

    public static byte[] bytes(Example e) {
        return switch (e.bank()) {
            case "KB국민은행" -> workbook(new XSSFWorkbook(), List.of("거래내역조회", MADE_UP, "계좌번호 : " + e.account() + " (한울산업개발(주))",
                            "조회기간 : 2026.04.01 ~ 2026.04.30", ""),
                    List.of("거래일시", "적요", "보낸분/받는분", "송금메모", "출금액(원)", "입금액(원)", "잔액(원)", "거래점"),
                    e.txs(), tx -> new Object[] {tx.at(), tx.summary(), tx.payer(), tx.memo(), tx.withdrawal(), tx.deposit(),
                            tx.balance(), tx.branch()});
            case "신한은행" -> workbook(new HSSFWorkbook(), List.of("신한은행 거래내역", MADE_UP, "계좌번호 " + e.account(), "예금주 서동산업(주)"),
                    List.of("거래일자", "거래시간", "적요", "출금(원)", "입금(원)", "내용", "잔액(원)", "거래점"), e.txs(),
                    tx -> new Object[] {tx.at().toLocalDate().toString().replace('-', '.'), tx.at().toLocalTime().toString(),
                            tx.summary(), tx.withdrawal(), tx.deposit(), tx.payer(), tx.balance(), tx.branch()});
            case "우리은행" -> html(e);
            case "하나은행" -> workbook(new XSSFWorkbook(), List.of("거래내역 조회", MADE_UP, "계좌번호: " + e.account(), "조회일시: 2026-05-01 09:00"),
                    List.of("거래일시", "적요", "의뢰인/수취인", "출금액", "입금액", "거래후잔액", "거래점", "거래특이사항"), e.txs(),
                    tx -> new Object[] {DASHES.format(tx.at()), tx.summary(), tx.payer(), tx.withdrawal(), tx.deposit(),
                            tx.balance(), tx.branch(), tx.memo()});
            case "NH농협은행" -> csv(e, Charset.forName("x-windows-949"));
            case "IBK기업은행" -> workbook(new HSSFWorkbook(), List.of("거래내역조회", MADE_UP, "계좌번호 " + e.account()),
                    List.of("거래일시", "출금", "입금", "거래후 잔액", "거래내용", "상대계좌번호", "상대은행", "메모"), e.txs(),
                    tx -> new Object[] {DOTS.format(tx.at()), tx.withdrawal(), tx.deposit(), tx.balance(), tx.payer(), "", "",
                            tx.memo()});
            default -> throw new IllegalArgumentException(e.bank());
        };
    }

    private static byte[] workbook(Workbook book, List<String> title, List<String> header, List<Tx> txs,
            Function<Tx, Object[]> cells) {
        try (book) {
            Sheet sheet = book.createSheet("거래내역");
            CellStyle when = book.createCellStyle();
            when.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            int r = 0;
            for (String t : title) {
                Row row = sheet.createRow(r++);
                if (!t.isEmpty()) {
                    row.createCell(0).setCellValue(t);
                }
            }
            Row h = sheet.createRow(r++);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            long in = 0, out = 0;
            for (Tx tx : txs) {
                Row row = sheet.createRow(r++);
                Object[] values = cells.apply(tx);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if (values[c] instanceof LocalDateTime at) {
                        cell.setCellValue(at);
                        cell.setCellStyle(when);
                    } else if (values[c] instanceof Long n) {
                        if (n != 0) {
                            cell.setCellValue(n);
                        }
                    } else if (values[c] != null) {
                        cell.setCellValue((String) values[c]);
                    }
                }
                in += tx.deposit();
                out += tx.withdrawal();
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("합계");
            total.createCell(1).setCellValue("입금 " + in + " / 출금 " + out);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 우리은행-style: an HTML table saved with an .xls name (Excel opens it), EUC-KR declared. */
    private static byte[] html(Example e) {
        StringBuilder s = new StringBuilder("""
                <html><head><meta http-equiv="Content-Type" content="application/vnd.ms-excel; charset=euc-kr"></head><body>
                <table border="1"><tr><td colspan="8">거래내역조회</td></tr><tr><td colspan="8">%s</td></tr>
                <tr><td colspan="8">계좌번호 : %s</td></tr><tr><td colspan="8">&nbsp;</td></tr>
                <tr><th>거래일시</th><th>적요</th><th>기재내용</th><th>지급(원)</th><th>입금(원)</th><th>거래후 잔액(원)</th><th>취급점</th><th>메모</th></tr>
                """.formatted(MADE_UP, e.account()));
        for (Tx tx : e.txs()) {
            s.append("<tr><td>").append(DOTS.format(tx.at())).append("</td><td>").append(tx.summary()).append("</td><td>")
                    .append(tx.payer()).append("</td><td style=\"mso-number-format:'#,##0'\">").append(won(tx.withdrawal()))
                    .append("</td><td>").append(won(tx.deposit())).append("</td><td>").append(won(tx.balance()))
                    .append("</td><td>").append(tx.branch()).append("</td><td>").append(tx.memo() == null ? "" : tx.memo())
                    .append("</td></tr>\n");
        }
        s.append("</table></body></html>\n");
        return s.toString().getBytes(Charset.forName("x-windows-949"));
    }

    /** NH농협-style CSV as Excel saves it on a Korean Windows (CP949), amounts with thousands separators. */
    private static byte[] csv(Example e, Charset charset) {
        StringBuilder s = new StringBuilder("거래내역조회\n" + MADE_UP + "\n계좌번호," + e.account() + "\n\n");
        s.append("거래일시,출금금액(원),입금금액(원),거래후잔액(원),거래내용,거래기록사항,거래점,거래메모\n");
        for (Tx tx : e.txs()) {
            s.append(DASHES.format(tx.at())).append(',').append(quoted(won(tx.withdrawal()))).append(',')
                    .append(quoted(won(tx.deposit()))).append(',').append(quoted(won(tx.balance()))).append(',')
                    .append(tx.summary()).append(',').append(tx.payer()).append(',').append(tx.branch()).append(',')
                    .append(tx.memo() == null ? "" : tx.memo()).append('\n');
        }
        s.append("합계,,,,,,,\n");
        return s.toString().getBytes(charset);
    }

    private static String won(long n) {
        return n == 0 ? "" : String.format("%,d", n);
    }

    private static String quoted(String s) {
        return s.isEmpty() ? "" : "\"" + s + "\"";
    }

    private static LocalDateTime at(int month, int day, int h, int m, int s) {
        return LocalDateTime.of(2026, month, day, h, m, s);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/examples/bank");
        Files.createDirectories(dir);
        for (Example e : all()) {
            Files.write(dir.resolve(e.file()), bytes(e));
        }
        System.out.println("wrote " + all().size() + " statements to " + dir + "");
    }
}
