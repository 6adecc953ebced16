package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import kr.fm.arrears.report.OwnerReports;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, on a phone's width: the landlord follows the AlimTalk's link to the April report
 * (signing in on the way), the home shows the monthly report's two charts (overdue balance at each month
 * end, collection rate by month) with Korean month labels and lists the April report with its SHA-256,
 * and the report's own page shows the month's figures and both charts and downloads that very PDF.
 */
@ServiceTest
class PortalChartsJourneyTest extends ChromiumJourney {

    @Autowired Portfolios portfolios;
    @Autowired TestClock clock;
    @Autowired OwnerReports reports;
    @Autowired kr.fm.arrears.support.Api api;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_landlords_home_shows_both_charts_and_downloads_the_months_report() throws IOException {
        TwoLandlords two = portfolios.twoLandlords();
        clock.set(LocalDateTime.of(2026, 5, 4, 9, 0)); // the first business day of May
        // 한울산업개발's own number is a landline: the AlimTalk goes to its accountant's mobile
        assertThat(api.send(org.springframework.http.HttpMethod.PUT, "/api/landlords/" + two.landlordA() + "/report-settings",
                java.util.Map.of(), java.util.Map.of("accountantPhone", "010-5555-0101")).status()).isEqualTo(200);
        reports.generate(YearMonth.of(2026, 4), false, "SYSTEM");
        String alimTalk = jdbc.sql("SELECT body FROM message WHERE idempotency_key = ?")
                .param("report:" + two.landlordA() + ":2026-04:ALIMTALK:+821055550101").query(String.class).single();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+(/portal/reports/2026-04)").matcher(alimTalk);
        assertThat(link.find()).as(alimTalk).isTrue();

        // the link, followed signed out: the sign-in first, then the report's page
        browser.resize(412, 2400);
        browser.open(link.group(1));
        browser.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).contains("/portal/reports/2026-04");
        assertThat(browser.text("#report-heading")).contains("한울산업개발 귀하");
        browser.open("/");
        browser.open("/");
        for (String chart : List.of("#chart-balance", "#chart-rate")) {
            WebElement figure = browser.find(chart);
            assertThat(figure.findElements(org.openqa.selenium.By.cssSelector("svg rect.bar"))).as(chart).hasSize(12);
            List<String> labels = figure.findElements(org.openqa.selenium.By.cssSelector("svg text")).stream()
                    .map(WebElement::getText).toList();
            assertThat(labels).as(chart).contains("5월", "12월", "1월", "4월");
            // fits the phone's width: the chart scales with its box, nothing to scroll sideways
            assertThat(figure.getSize().getWidth()).isLessThanOrEqualTo(412);
        }
        assertThat(browser.text("#chart-balance figcaption")).contains("월말 연체 잔액");
        assertThat(browser.text("#chart-rate figcaption")).contains("월별 수납률");

        OwnerReports.Report april = reports.list(kr.fm.arrears.shared.Viewer.SYSTEM, two.landlordA()).get(0);
        assertThat(browser.text("#reports")).contains("2026년 4월", april.sha256());
        // the charts as the phone shows them, the report list below them
        browser.resize(412, 1400);
        browser.driver.executeScript(
                "document.getElementById('charts').scrollIntoView()");
        browser.screenshot("portal-charts");

        assertThat(browser.find("#reports a.report-pdf").getAttribute("href")).endsWith("/api/reports/monthly/" + april.id() + ".pdf");

        // the report's own page, from its link: the month's figures, both charts, the PDF
        browser.open(link.group(1));
        assertThat(browser.text("#report-heading")).contains("한울산업개발 귀하", "2026년 4월 1일", "2026년 4월 30일");
        assertThat(browser.text("#report-reminders")).contains("1차 독촉", "안내 합계");
        assertThat(browser.text("#report-figures")).contains("이번 달 입금 합계", "안내 발송 후 입금", "내용증명 발송 후 입금");
        assertThat(browser.text("#report-sha")).isEqualTo(april.sha256());
        for (String chart : List.of("#chart-balance", "#chart-rate")) {
            assertThat(browser.find(chart).findElements(org.openqa.selenium.By.cssSelector("svg rect.bar"))).as(chart).hasSize(12);
        }
        browser.resize(412, 1400);
        browser.screenshot("portal-report");
        browser.find("#report-pdf").click();
        Path pdf = browser.downloaded(name -> name.endsWith(".pdf"));
        assertThat(Sha256.hex(Files.readAllBytes(pdf))).isEqualTo(april.sha256());
    }
}
