package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import kr.fm.arrears.notice.PdfPages;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real Chromium a MANAGER agrees a payment plan from the case page and downloads the case's evidence pack. The lease is {@link Portfolios#lease}'s
 * default (1,210,000 a month due on the 10th from March), escalated on 15 April 2026 with March and April
 * unpaid: 2 × 1,210,000 = 2,420,000원 overdue, in three instalments of 800,000 + 800,000 + 820,000.
 */
@ServiceTest
class PaymentPlanJourneyTest extends ChromiumJourney {

    static final String PASSWORD = "payment-plan-password";

    @Autowired Portfolios portfolios;
    @Autowired Api api;

    @Test
    void a_manager_agrees_a_plan_of_three_instalments_on_the_case_page_and_prints_the_agreement() {
        Portfolios.Given given = portfolios.given().lease(Portfolios.lease("PP-101").unit("101"))
                .manager("kim", PASSWORD, "김관리").landlordAccount("hanul-owner", PASSWORD, Portfolios.HANUL.name(), "한울산업개발")
                .escalatedOn(LocalDate.of(2026, 4, 15)).make();
        long caseId = given.onlyCase("PP-101");
        browser.signIn("kim", PASSWORD);
        browser.open("/cases/" + caseId);
        assertThat(browser.text("#balance")).startsWith("2,420,000원");

        // a first try that does not add up: 800,000 + 800,000 = 1,600,000, 820,000 short; nothing is agreed
        date("#plan-date-1", "2026-04-20");
        browser.find("#plan-amount-1").sendKeys("800,000");
        date("#plan-date-2", "2026-05-20");
        browser.find("#plan-amount-2").sendKeys("800,000");
        browser.submit("#agree-plan");
        assertThat(browser.text(".flash")).contains("instalments[1].amount", "820,000원 모자랍니다");
        assertThat(browser.text("#plan")).contains("약정이 없습니다");

        date("#plan-date-1", "2026-04-20");
        browser.find("#plan-amount-1").sendKeys("800,000");
        date("#plan-date-2", "2026-05-20");
        browser.find("#plan-amount-2").sendKeys("800,000");
        date("#plan-date-3", "2026-06-20");
        browser.find("#plan-amount-3").sendKeys("820,000");
        browser.submit("#agree-plan");
        assertThat(browser.text(".flash.ok")).contains("분할납부 약정을 등록했습니다: 3회, 합계 2,420,000원");
        assertThat(browser.text("#plan")).contains("약정 중", "2026년 6월 20일", "820,000원", "2,420,000원");
        assertThat(browser.text("#planned")).contains("약정 중");
        assertThat(browser.text("#timeline")).contains("분할납부 약정 3회 (kim)");
        assertThat(browser.all("#plan-form")).as("one active plan per case").isEmpty();
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.find("#plan"));
        browser.screenshot("payment-plan");

        // the board's filter "약정 중" finds it
        browser.open("/board?plan=true");
        assertThat(browser.text("#board")).contains("PP-101", "약정 중");

        // the 분할납부 약정서: parties, lease, balance, schedule, default, signatures
        long planId = api.get("/api/cases/" + caseId + "/plans").body().get(0).get("id").asLong();
        Api.Bytes pdf = api.getBytes("/api/cases/" + caseId + "/plans/" + planId + "/pdf", Map.of());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = String.join(" ", PdfPages.read(pdf.body()).texts()).replaceAll("\\s+", " ");
        assertThat(text).contains("분할납부 약정서", "한울산업개발", "(주)대성정밀", "PP-101", "2,420,000원", "2026년 4월 20일",
                "820,000원", "220-81-62517", "5. 약정을 지키지 않은 경우", "(인)");

        // and, from the same page, the case's evidence pack (소송 자료) as of today: the ZIP a lawyer gets
        browser.open("/cases/" + caseId);
        browser.find("#download-evidence").click();
        java.nio.file.Path zip = browser.downloaded(name -> name.endsWith(".zip"));
        java.util.List<String> files = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.add(e.getName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(zip.getFileName().toString()).isEqualTo("소송자료_대성정밀_PP-101_2026-04-15.zip");
        assertThat(files).contains("01_표지.pdf", "02_원장명세서.pdf", "03_독촉안내내역.csv", "04_감사기록.csv",
                "05_지급명령신청서_초안.pdf", "index.csv");

        // the owner's portal shows the plan on the case, read-only
        browser.signOut();
        browser.signIn("hanul-owner", PASSWORD);
        browser.open("/cases/" + caseId);
        assertThat(browser.text("#plan")).contains("약정 중", "약정서 PDF");
        assertThat(browser.all("#plan-form")).isEmpty();
    }

    /** A date field set as its picker would (the typed form of a date depends on the browser's locale). */
    private void date(String css, String iso) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find(css), iso);
    }
}
