package kr.fm.arrears.notice;

import static kr.fm.arrears.notice.PdfPages.MM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import kr.fm.arrears.notice.internal.NoticeDocument;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notices as the post office and the tenant see them, read back from the PDF: both leases of
 * {@link Portfolios#UNPAID_SINCE_OCTOBER} on 15 April 2026, 14 unpaid charges each.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticePdfTest {

    static final LocalDate APRIL_15 = LocalDate.of(2026, 4, 15);

    @Autowired Api api;
    @Autowired NoticeDocument document;
    @Autowired Portfolios portfolios;

    PdfPages demand;
    PdfPages termination;

    @BeforeAll
    void render() throws IOException {
        Portfolios.Given leases = portfolios.given().leases(Portfolios.UNPAID_SINCE_OCTOBER).make();
        NoticeDocument.Sealed d = document.seal(leases.leaseId(Portfolios.CIVIL), NoticeKind.DEMAND,
                NoticeContent.standard(NoticeKind.DEMAND), APRIL_15, "2026-000123");
        NoticeDocument.Sealed t = document.seal(leases.leaseId(Portfolios.COMMERCIAL), NoticeKind.TERMINATION,
                NoticeContent.standard(NoticeKind.TERMINATION), APRIL_15, "2026-000124");
        // kept for docs/notices.md (pdftoppm makes the PNG from it)
        Files.createDirectories(Path.of("target/notices"));
        Files.write(Path.of("target/notices/demand.pdf"), d.pdf());
        Files.write(Path.of("target/notices/termination.pdf"), t.pdf());
        demand = PdfPages.read(d.pdf());
        termination = PdfPages.read(t.pdf());
    }

    @Test
    void the_demand_states_the_totals_the_late_interest_the_deadline_and_the_civil_code() {
        String text = demand.text();
        assertThat(text).contains("내용증명", "연체 차임 등 지급 최고서", "문서번호: 2026-000123");
        // 7 months × (rent 2,200,000 + fee 220,000, VAT included) = 16,940,000
        assertThat(text).contains("미납 원금 합계 16,940,000원");
        // 12% a year on each charge, days from the 10th to 15 April: 187, 156, 126, 95, 64, 36, 5.
        // rent 2,200,000 × days × 0.12 / 365 ↓: 135,254 + 112,832 + 91,134 + 68,712 + 46,290 + 26,038 + 3,616
        // fee    220,000 × days × 0.12 / 365 ↓:  13,525 +  11,283 +  9,113 +  6,871 +  4,629 +  2,603 +   361
        assertThat(text).contains("지연손해금 합계 532,261원", "135,254원", "3,616원", "361원");
        // 16,940,000 + 532,261
        assertThat(text).contains("총 청구금액 17,472,261원");
        // counted from receipt: no date fixed at approval (docs/notices.md)
        assertThat(text).contains("이 통지서를 받은 날로부터 7일 이내").doesNotContain("2026년 4월 22일");
        assertThat(text).contains("국민은행 123-45-6789-012", "예금주 한울산업개발(주)");
        assertThat(text).contains("발신인 한울산업개발", "220-81-62517", "대리인: (주)새봄공장관리", "(주)대성정밀", "대표자 김대성", "124-81-00004");
        assertThat(text).contains("민법 제640조").doesNotContain("상가건물 임대차보호법");
        assertThat(text).contains("지급명령", "명도소송", "보증금에서 공제");
    }

    @Test
    void the_termination_under_the_act_cites_article_10_8_and_three_months() {
        String text = termination.text();
        assertThat(text).contains("내용증명", "임대차계약 해지 통지서", "문서번호: 2026-000124", "미래테크(주)", "대표자 이미래");
        assertThat(text).contains("상가건물 임대차보호법 제10조의8", "3기의 차임액").doesNotContain("민법 제640조");
        // 7 × (1,650,000 + 165,000) = 12,705,000 principal; rent 7 × 1,650,000 = 11,550,000 = 7.00 months
        assertThat(text).contains("미납 원금 합계 12,705,000원", "연체 차임 11,550,000원", "7개월분");
        // statutory 6%: rent 50,720 + 42,312 + 34,175 + 25,767 + 17,358 + 9,764 + 1,356;
        // fee 5,072 + 4,231 + 3,417 + 2,576 + 1,735 + 976 + 135
        assertThat(text).contains("지연손해금 합계 199,594원", "(연 6%)");
    }

    @Test
    void the_verification_code_follows_the_signature_block() {
        String text = demand.text();
        int signature = text.lastIndexOf("(인)");
        int code = text.indexOf("검증코드");
        assertThat(code).isGreaterThan(signature);
        assertThat(text.substring(code)).containsPattern("검증코드 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
    }

    @Test
    void nanum_gothic_is_embedded_as_a_subset_not_taken_from_the_machine() {
        assertThat(demand.fonts()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.name()).matches("[A-Z]{6}\\+NanumGothic.*");
            assertThat(f.embeddedTrueType()).as("FontFile2 of " + f.name()).isTrue();
        });
    }

    @Test
    void the_charge_table_runs_onto_a_second_page_with_its_header_repeated() {
        for (PdfPages pdf : new PdfPages[] {demand, termination}) {
            assertThat(pdf.pages()).isGreaterThanOrEqualTo(2);
            String header = "기간 항목 청구액 납부액 미납액 연체일수 지연손해금";
            assertThat(pdf.page(1)).contains(header).contains("2025년 10월");
            assertThat(pdf.page(2)).contains(header).contains("합계");
        }
    }

    @Test
    void nothing_is_drawn_in_the_post_offices_header_and_footer_areas_or_side_margins() {
        for (PdfPages pdf : new PdfPages[] {demand, termination}) {
            // A4 portrait in points
            assertThat(pdf.width()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(pdf.height()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(pdf.glyphs()).isNotEmpty().allSatisfy(g -> {
                assertThat(g.top()).as("top of '%s' on page %d", g.text(), g.page()).isGreaterThanOrEqualTo(20 * MM);
                assertThat(g.baseline()).as("baseline of '%s' on page %d", g.text(), g.page())
                        .isLessThanOrEqualTo(pdf.height() - 40 * MM);
                assertThat(g.x()).isGreaterThanOrEqualTo(15 * MM).isLessThanOrEqualTo(pdf.width() - 15 * MM);
            });
        }
    }
}
