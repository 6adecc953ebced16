package kr.fm.arrears.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import kr.fm.arrears.ledger.ArrearsCalculator;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.ChargeKind;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.notice.NoticeContent;
import kr.fm.arrears.notice.NoticeKind;
import kr.fm.arrears.notice.internal.NoticeDocument;
import kr.fm.arrears.notice.internal.PdfRenderer;
import kr.fm.arrears.templates.Templates;

/**
 * Median time to render one two-page demand notice (FreeMarker → XHTML → PDF with the embedded
 * font), warm: 20 renders to warm up, then 100 timed. No database: the facts are the 14 unpaid
 * charges of the test lease, computed by the real ArrearsCalculator. Not a test (surefire does not
 * pick it up); run from the repository root with
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) kr.fm.arrears.bench.NoticeRenderBenchmark [warmup] [runs]
 * </pre>
 * Writes the last PDF to target/notices/bench-demand.pdf. Then the same for {@link RawOpenPdfNotice}, the same
 * text written with OpenPDF's own API (target/notices/bench-demand-raw.pdf), and prints the ratio.
 */
public final class NoticeRenderBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        LocalDate asOf = LocalDate.of(2026, 4, 15);
        kr.fm.arrears.templates.Company company = new kr.fm.arrears.templates.Company("(주)한빛공장관리", "031-356-7700",
                "박정민 과장", null, "경기도 화성시 남양읍 시청로 100", true);
        NoticeDocument document = new NoticeDocument(new Templates("templates", company), null, null, company,
                new PdfRenderer(1, java.time.Duration.ofMinutes(1)));
        NoticeDocument.Facts facts = facts(asOf);
        NoticeContent content = NoticeContent.standard(NoticeKind.DEMAND);

        Files.createDirectories(Path.of("target/notices"));
        Figures figures = new Figures("notice-render");
        double product = time(figures, "notice render (two-page demand, 14 charges: FreeMarker → XHTML → Flying Saucer → PDF)",
                warmup, runs, () -> render(document, facts, content, asOf), "target/notices/bench-demand.pdf");
        // the floor: the same text and table written straight through OpenPDF, no template and no layout engine
        RawOpenPdfNotice raw = new RawOpenPdfNotice(
                document.xhtml(facts, NoticeKind.DEMAND, content, asOf, "2026-000123", "ABCD-EF01-2345", false));
        double floor = time(figures, "same text with OpenPDF's API directly (Document, Paragraph, PdfPTable)", warmup, runs, raw::render,
                "target/notices/bench-demand-raw.pdf");
        figures.printf("ratio product/OpenPDF: %.1fx", product / floor);
        figures.write();
    }

    /** Prints median, min, p90, max and notices/s of a warm, single-threaded render; returns the median in ms. */
    private static double time(Figures figures, String label, int warmup, int runs, Supplier<byte[]> render, String file) throws Exception {
        byte[] pdf = null;
        for (int i = 0; i < warmup; i++) {
            pdf = render.get();
        }
        long[] nanos = new long[runs];
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pdf = render.get();
            nanos[i] = System.nanoTime() - start;
            total += nanos[i];
        }
        Arrays.sort(nanos);
        Files.write(Path.of(file), pdf);
        figures.printf("%s: %d warm-up, %d timed; median %.1f ms, min %.1f ms, p90 %.1f ms, max %.1f ms; "
                        + "%.1f notices/s; %d bytes, %s", label, warmup, runs, ms(nanos[runs / 2]), ms(nanos[0]),
                ms(nanos[(int) (runs * 0.9)]), ms(nanos[runs - 1]), runs / (total / 1e9), pdf.length, file);
        return ms(nanos[runs / 2]);
    }

    private static byte[] render(NoticeDocument document, NoticeDocument.Facts facts, NoticeContent content, LocalDate asOf) {
        return document.render(document.xhtml(facts, NoticeKind.DEMAND, content, asOf, "2026-000123", "ABCD-EF01-2345", false));
    }

    /** The NT-CIVIL lease of the notice tests: rent and fee due on the 10th, October 2025 to April 2026, nothing paid. */
    private static NoticeDocument.Facts facts(LocalDate asOf) {
        LeaseTerms terms = new LeaseTerms(1, 2_000_000, true, new java.math.BigDecimal("12"), true, false);
        List<Charge> charges = new ArrayList<>();
        long id = 1;
        for (LocalDate due = LocalDate.of(2025, 10, 10); !due.isAfter(asOf); due = due.plusMonths(1)) {
            charges.add(new Charge(id++, 1, ChargeKind.RENT, due.withDayOfMonth(1), due, 2_000_000, 200_000));
            charges.add(new Charge(id++, 1, ChargeKind.MANAGEMENT_FEE, due.withDayOfMonth(1), due, 200_000, 20_000));
        }
        return new NoticeDocument.Facts(
                new LedgerViews.LeaseSummary(1, "NT-CIVIL", 1, "(주)대성정밀", 1, "한울산업개발", 1, "한울 제1공장", "201",
                        2_000_000, 200_000, 20_000_000, 10, LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30), false, true, null),
                new LedgerViews.Landlord(1, "한울산업개발", "2208162517", "경기도 화성시 향남읍 발안공단로 12", "+82313551200", null,
                        "국민은행", "123-45-6789-012", "한울산업개발(주)"),
                new LedgerViews.Tenant(1, "(주)대성정밀", "1248100004", "김대성", "+821023456789", "ds@daesung.example",
                        "경기도 화성시 향남읍 발안공단로 12 201호"),
                new LedgerViews.Building(1, 1, "한울 제1공장", "경기도 화성시 향남읍 발안공단로 12", List.of("201")),
                terms, ArrearsCalculator.compute(terms, charges, List.of(), asOf));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
