package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole flow in a real browser, as the issue tells it: the MANAGER signs in, reads the board and
 * a case's timeline, approves the waiting notice from the queue, pauses and resumes a case; the
 * LANDLORD signs in, sees this month's summary and only their own buildings, and downloads the
 * approved notice and a ZIP from the history. Every page is saved under docs/screenshots.
 */
@ServiceTest
class BrowserJourneyTest extends ChromiumJourney {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Test
    void a_manager_approves_the_waiting_notice_and_the_landlord_downloads_it_and_a_zip() throws IOException {
        // 1 May 2026: HW-101's and SD-B12's demands approved; HW-301's termination, consented by its
        // landlord, waits for approval
        TwoLandlords two = portfolios.twoLandlords();
        long notice = portfolios.pendingTermination("HW-301");

        browser.open("/board");
        browser.until(ExpectedConditions.urlContains("/login"));
        browser.screenshot("login");
        browser.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);

        // the board: every open case, worst first
        assertThat(browser.driver.getCurrentUrl()).contains("/board");
        assertThat(tenants()).containsExactlyInAnyOrder("(주)성진물산", "미래테크(주)", "(주)대성정밀", "그린팩토리");
        // next step if nothing more is paid: HW-101 owes 1.69 months' rent until May's rent falls overdue
        // on 11 May: 2.69 ≥ 2 (민법 제640조)
        assertThat(row("(주)대성정밀")).contains("6,260,000원", "1.69개월", "52일", "이행 최고서", "해지 통지서 · 2026년 5월 11일");
        assertThat(row("미래테크(주)")).contains("해지 통지서");
        browser.screenshot("board");

        // HW-101's timeline: its charges and payments, the stages, the approved demand
        caseLink("(주)대성정밀").click();
        String timeline = browser.text("#timeline");
        assertThat(timeline).contains("임대료 2026-03", "KB20260312-0003", "최종 독촉", "이행 최고서 · 승인됨");
        long owed = api.get("/api/arrears/leases/" + portfolios.leaseId("HW-101") + "?asOf=2026-05-01").body().get("arrears")
                .get("overdueBalance").asLong();
        assertThat(browser.text("#balance")).startsWith(kr.fm.arrears.shared.Won.format(owed));
        browser.screenshot("case");

        // the queue: approve the notice beside its preview
        browser.open("/approvals");
        assertThat(browser.all("#pending .notice-link")).extracting(WebElement::getText).containsExactly(String.valueOf(notice));
        browser.screenshot("approvals");
        browser.find("#pending .notice-link").click();
        browser.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("preview"));
        // the notice's own page, not a PDF viewer (headless Chromium has none): its text, in the embedded font
        browser.until(d -> Boolean.TRUE.equals(browser.driver.executeScript("""
                return document.readyState === 'complete' && [...document.fonts].some(
                    f => f.family.replace(/"/g, '') === 'NanumGothic' && f.status === 'loaded')""")));
        assertThat(browser.text("body")).contains("내용증명", "미래테크(주)", "초안 DRAFT");
        browser.driver.switchTo().defaultContent();
        assertThat(browser.find("#preview-pdf").getAttribute("href")).endsWith("/api/notices/" + notice + "/preview");
        assertThat(browser.text("#notice-status")).contains("승인 대기");
        assertThat(browser.text(".facts")).contains("임대인 동의", TwoLandlords.OWNER_A);
        browser.screenshot("approval");
        browser.find("#approve").click();
        assertThat(browser.text(".flash.ok")).contains("승인했습니다");
        assertThat(api.get("/api/notices/" + notice).body().get("notice").get("status").asText()).isEqualTo("APPROVED");
        assertThat(browser.all("#pending")).isEmpty();

        // pause SD-B12 for a payment plan, then resume it
        long sdCase = two.caseB();
        browser.open("/cases/" + sdCase);
        browser.driver.executeScript("document.getElementById('pause-until').value = '2026-05-20'");
        browser.find("#pause-reason").sendKeys("분할 납부 약정");
        browser.find("#pause").click();
        assertThat(browser.text("#paused")).contains("2026년 5월 20일까지", "분할 납부 약정");
        assertThat(api.get("/api/cases/" + sdCase).body().get("pausedUntil").asText()).isEqualTo("2026-05-20");
        browser.screenshot("case-paused");
        browser.submit("#resume"); // the paused page's own flash is still there until the next page replaces it
        assertThat(browser.text(".flash.ok")).contains("다시 진행");
        assertThat(api.get("/api/cases/" + sdCase).body().get("paused").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('CASE_PAUSED', 'CASE_RESUMED') AND actor = ?")
                .param(TwoLandlords.MANAGER).query(Long.class).single()).isEqualTo(2);
        browser.signOut();

        // the landlord: this month's summary, their own three cases only, the history
        browser.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        assertThat(browser.text("#summary")).contains("보낸 납부 안내", "안내 후 회수된 금액", "발송한 내용증명");
        assertThat(browser.text("main")).contains("진행 중인 연체 3건");
        browser.screenshot("portal");
        browser.open("/board");
        assertThat(tenants()).containsExactlyInAnyOrder("(주)성진물산", "미래테크(주)", "(주)대성정밀");
        assertThat(browser.all("#pause-form")).isEmpty();
        browser.screenshot("board-landlord");
        browser.open("/history");
        browser.screenshot("history");

        // the approved PDF, byte for byte the one the workflow sealed
        WebElement pdfLink = browser.find(".pdf-link[data-notice='" + notice + "']");
        pdfLink.click();
        Path pdf = browser.downloaded(name -> name.endsWith(".pdf"));
        String sealed = api.get("/api/notices/" + notice).body().get("versions").get(0).get("pdfSha256").asText();
        assertThat(Sha256.hex(Files.readAllBytes(pdf))).isEqualTo(sealed);
        assertThat(pdf.getFileName().toString()).contains("내용증명");

        // the ZIP of the filter: landlord A's two approved notices and the index
        browser.find("#download-zip").click();
        Path zip = browser.downloaded(name -> name.endsWith(".zip"));
        List<String> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String index = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e.getName());
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".pdf")) {
                    hashes.add(Sha256.hex(bytes));
                } else if (e.getName().endsWith(".csv")) {
                    index = new String(bytes, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).hasSize(3).anyMatch(n -> n.endsWith("index.csv"));
        assertThat(hashes).hasSize(2).contains(sealed);
        assertThat(index).contains("(주)대성정밀", "미래테크(주)");

        // a phone: the tables fold into cards
        browser.resize(390, 844);
        browser.open("/");
        browser.screenshot("portal-phone");
        browser.open("/history");
        browser.screenshot("history-phone");
        assertThat(browser.driver.findElement(By.cssSelector("#history thead")).isDisplayed()).isFalse();
    }

    private List<String> tenants() {
        return browser.all("#board .case-link").stream().map(WebElement::getText).toList();
    }

    private String row(String tenant) {
        return caseLink(tenant).findElement(By.xpath("./ancestor::tr")).getText();
    }

    private WebElement caseLink(String tenant) {
        return browser.all("#board .case-link").stream().filter(a -> a.getText().equals(tenant)).findFirst()
                .orElseThrow(() -> new AssertionError("no case of " + tenant + " on the board"));
    }
}
