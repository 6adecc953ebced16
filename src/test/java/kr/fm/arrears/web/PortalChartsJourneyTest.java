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
 * In a real browser, on a phone's width: the landlord's home shows the monthly report's two charts
 * (overdue balance at each month end, collection rate by month) with Korean month labels, lists the
 * April report with its SHA-256, and its link downloads that very PDF.
 */
@ServiceTest
class PortalChartsJourneyTest extends ChromiumJourney {

    @Autowired Portfolios portfolios;
    @Autowired TestClock clock;
    @Autowired OwnerReports reports;

    @Test
    void the_landlords_home_shows_both_charts_and_downloads_the_months_report() throws IOException {
        TwoLandlords two = portfolios.twoLandlords();
        clock.set(LocalDateTime.of(2026, 5, 4, 9, 0)); // the first business day of May
        reports.generate(YearMonth.of(2026, 4), false, "SYSTEM");

        browser.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        browser.resize(412, 2400);
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

        browser.find("#reports a.report-pdf").click();
        Path pdf = browser.downloaded(name -> name.endsWith(".pdf"));
        assertThat(Sha256.hex(Files.readAllBytes(pdf))).isEqualTo(april.sha256());
    }
}
