package kr.fm.arrears.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.ledger.ArrearsCalculator;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.ChargeKind;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.Payment;
import kr.fm.arrears.notice.internal.NoticeDocument;
import kr.fm.arrears.notice.internal.PdfRenderer;
import kr.fm.arrears.templates.Company;
import kr.fm.arrears.templates.Templates;
import org.junit.jupiter.api.Test;

/**
 * What the tenant reads in a notice, from the PDF's own text: the management company from the
 * settings, the deadline counted from receipt (true whenever the letter is posted), months written
 * as a person writes them, and a line paid late listed only for its interest.
 *
 * <p>The lease: rent 1,000,000원 + VAT 100,000원 due on the 10th. March 2025 was paid on its due date,
 * April 2025 ten days late (20 April), nothing since: May 2025 to March 2026 are 11 unpaid months on
 * 5 April 2026.
 */
class NoticeWordingTest {

    static final LocalDate APRIL_5 = LocalDate.of(2026, 4, 5);
    static final Company COMPANY = new Company("(주)새봄공장관리", "031-8000-1234", "오세진 대리", "arrears@saebom-fm.co.kr",
            "경기도 평택시 포승읍 평택항로 200", true);

    final NoticeDocument document = new NoticeDocument(new Templates("templates", COMPANY), null, null, COMPANY,
            new PdfRenderer(1, java.time.Duration.ofMinutes(1)));

    @Test
    void the_termination_names_the_company_from_the_settings_and_counts_eleven_months_without_decimals() {
        String text = pdfText(NoticeKind.TERMINATION);
        assertThat(text).contains("대리인: (주)새봄공장관리", "031-8000-1234", "오세진 대리");
        assertThat(text).doesNotContain("한빛", "관리사무소", "example", "${", "(승인 시 부여)");
        // overdue rent 11 × 1,100,000 = 12,100,000 over a month's rent with VAT of 1,100,000: 11.00 → "11"
        assertThat(text).contains("연체 차임 12,100,000원", "11개월분").doesNotContain("11.00", "11.0개월");
    }

    @Test
    void the_deadline_counts_from_receipt_so_it_is_true_whenever_the_letter_is_posted() {
        for (NoticeKind kind : NoticeKind.values()) {
            String text = pdfText(kind);
            assertThat(text).as(kind.name()).contains("납부기한: 이 통지서를 받은 날로부터 7일 이내")
                    // no date computed at approval: 5 April + 7 days would be false for a letter posted on the 9th
                    .doesNotContain("2026년 4월 12일", "발송일로부터");
        }
    }

    @Test
    void a_line_paid_late_is_listed_for_its_interest_and_labelled_so_and_a_line_paid_on_time_is_absent() {
        String text = pdfText(NoticeKind.DEMAND);
        // April 2025: 1,100,000 × 6% × 10 days / 365 = 1,808.2 → 1,808원; the principal is paid
        assertThat(text).contains("2025년 4월", "완납(지연이자만)", "0원 - 1,808원");
        assertThat(text.split("완납\\(지연이자만\\)", -1)).hasSize(2); // only that line
        assertThat(text).doesNotContainPattern("2025년 3월(?! 1일)"); // the lease starts on 1 March; no line of March
        // the totals add up the lines shown: 12 charges of 1,100,000, 1,100,000 of them paid
        assertThat(text).contains("합계 13,200,000원 1,100,000원 12,100,000원");
    }

    private String pdfText(NoticeKind kind) {
        NoticeDocument.Facts facts = facts();
        String page = document.xhtml(facts, kind, NoticeContent.standard(kind), APRIL_5, "2026-000777", "ABCD-EF01-2345", false);
        return PdfPages.read(document.render(page)).text();
    }

    private static NoticeDocument.Facts facts() {
        LeaseTerms terms = new LeaseTerms(7, 1_000_000, true, null, true, false);
        List<Charge> charges = new ArrayList<>();
        long id = 1;
        for (LocalDate due = LocalDate.of(2025, 3, 10); !due.isAfter(APRIL_5); due = due.plusMonths(1)) {
            charges.add(new Charge(id++, 7, ChargeKind.RENT, due.withDayOfMonth(1), due, 1_000_000, 100_000));
        }
        List<Payment> payments = List.of(new Payment(1, 7, "B-0310", LocalDate.of(2025, 3, 10), 1_100_000),
                new Payment(2, 7, "B-0420", LocalDate.of(2025, 4, 20), 1_100_000));
        return new NoticeDocument.Facts(
                new LedgerViews.LeaseSummary(7, "SB-101", 1, "(주)대성정밀", 1, "한울산업개발", 1, "한울 제1공장", "101",
                        1_000_000, 0, 10_000_000, 10, LocalDate.of(2025, 3, 1), LocalDate.of(2027, 2, 28), false, true, null),
                new LedgerViews.Landlord(1, "한울산업개발", "2208162517", "경기도 화성시 향남읍 발안공단로 12", "+82313551200", null,
                        "국민은행", "123-45-6789-012", "한울산업개발(주)"),
                new LedgerViews.Tenant(1, "(주)대성정밀", "1248100004", "김대성", "+821023456789", null,
                        "경기도 화성시 향남읍 발안공단로 12 101호"),
                new LedgerViews.Building(1, 1, "한울 제1공장", "경기도 화성시 향남읍 발안공단로 12", List.of("101")),
                terms, ArrearsCalculator.compute(terms, charges, payments, APRIL_5));
    }
}
