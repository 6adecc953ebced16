package kr.fm.arrears.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.notice.internal.EpostTracking;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real browser: a MANAGER downloads the post-office bundle of an approved demand, records the
 * 등기번호 the post office gave, runs the tracking against the post office's API (WireMock, the
 * documented XML) and reads its events, then the delivery and the last day to pay on the case.
 */
@ServiceTest
class PostOfficeJourneyTest extends ChromiumJourney {

    static final WireMockServer EPOST = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String RGIST = "1234567890123";

    static {
        EPOST.start();
    }

    @DynamicPropertySource
    static void tracking(DynamicPropertyRegistry registry) {
        registry.add("arrears.notice.tracking.service-key", () -> "browser-test-key");
        registry.add("arrears.notice.tracking.base-url", EPOST::baseUrl);
    }

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @AfterAll
    void stopStubs() {
        EPOST.stop();
    }

    @Test
    void a_manager_downloads_the_bundle_records_the_registered_number_and_sees_the_tracking() throws IOException {
        // 1 May 2026: HW-101's demand approved (TwoLandlords)
        TwoLandlords two = portfolios.twoLandlords();
        long notice = two.noticeA();
        browser.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        // before approval: HW-301's termination waits for it, and its tenant's address has no 우편번호
        long pending = portfolios.pendingTermination("HW-301");
        browser.open("/approvals/" + pending);
        assertThat(browser.text(".postal-warning")).contains("우편번호");
        assertThat(api.get("/api/notices/" + pending + "/post-office").body().get("warnings").get(0).asText()).contains("우편번호");

        browser.open("/approvals/" + notice);
        assertThat(browser.text("#post-office")).contains("우체국 접수", "접수 묶음 내려받기");
        // the example tenant's address has no 우편번호: flagged before anything is posted
        assertThat(browser.text(".postal-warning")).contains("우편번호");

        // the bundle: the approved PDF byte for byte, with the recipients list and the checklist
        browser.find("#download-bundle").click();
        Path zip = browser.downloaded(name -> name.endsWith(".zip"));
        List<String> names = new ArrayList<>();
        String pdfSha = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".pdf")) {
                    pdfSha = Sha256.hex(bytes);
                }
            }
        }
        String sealed = api.get("/api/notices/" + notice).body().get("versions").get(0).get("pdfSha256").asText();
        assertThat(pdfSha).isEqualTo(sealed);
        assertThat(names).contains("수신인목록.csv", "접수안내.txt");

        // what the post office's receipt says, typed in as printed
        browser.find("#receipt-no").sendKeys("2026-0501-000777");
        browser.find("#registered-no").sendKeys("1234 5678 90123");
        browser.find("#fee").sendKeys("5870");
        browser.find("#postcode").sendKeys("18622");
        browser.submit("#record-posting");
        assertThat(browser.text(".flash.ok")).contains("등기번호 " + RGIST);
        assertThat(api.get("/api/notices/" + notice).body().get("notice").get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(browser.text("#posting-1 .registered-no")).isEqualTo(RGIST);

        // the tracking round against the post office's API: in transit, three events
        answer("in-transit.xml");
        browser.submit("#track-now");
        assertThat(browser.text(".flash.ok")).contains("배송 조회를 마쳤습니다", "새 기록 3건");
        assertThat(browser.all("#posting-1 .tracking tbody tr")).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("동서울우편집중국", "발송"))
                .anySatisfy(t -> assertThat(t).contains("화성우체국", "도착"));
        assertThat(browser.text("#posting-1 .delivery")).contains("배달 전");
        browser.driver.executeScript("document.getElementById('post-office').scrollIntoView()");
        browser.screenshot("post-office");

        // the next day the API reports the delivery: the last day to pay counts from it (2 May + 7 days)
        clock.set(LocalDate.of(2026, 5, 3));
        answer("delivered.xml");
        browser.submit("#track-now");
        assertThat(browser.text("#posting-1 .delivery")).contains("배달 완료", "2026년 5월 2일", "김대성 - 본인");
        assertThat(browser.text("#last-day")).contains("2026년 5월 9일");
        assertThat(api.get("/api/notices/" + notice).body().get("notice").get("status").asText()).isEqualTo("DELIVERED");

        // the 배달증명 printed from the post office's site, attached from the page
        Path proof = Files.createTempFile("배달증명", ".pdf");
        Files.write(proof, "%PDF-1.4 배달증명서\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        browser.find("#proof-form input[type=file]").sendKeys(proof.toString());
        browser.submit("#upload-proof");
        assertThat(browser.text(".flash.ok")).contains("배달증명 PDF를 붙였습니다", Sha256.hex(Files.readAllBytes(proof)));
        assertThat(browser.text("#proofs")).contains("배달증명");

        browser.open("/cases/" + portfolios.openCase("HW-101"));
        String timeline = browser.text("#timeline");
        assertThat(timeline).contains("1번째 발송 · 등기번호 " + RGIST, "접수번호 2026-0501-000777 · 요금 5,870원", "배송 · 배달완료", "배달 완료 · 수령인 김대성 - 본인",
                "납부 최종일 2026년 5월 9일");
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.driver.findElement(By.cssSelector("#timeline tbody tr:last-child")));
        browser.screenshot("post-office-case");
    }

    /** A fixture of src/test/resources/providers/epost, its April dates moved to this journey's May. */
    private static void answer(String fixture) {
        try (InputStream in = PostOfficeJourneyTest.class.getResourceAsStream("/providers/epost/" + fixture)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("2026-04-15", "2026-05-01")
                    .replace("2026-04-16", "2026-05-02").replace("2026.04.15", "2026.05.01").replace("2026.04.16", "2026.05.02");
            EPOST.stubFor(get(urlPathEqualTo(EpostTracking.PATH)).withQueryParam("rgist", equalTo(RGIST))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
                            .withBody(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
