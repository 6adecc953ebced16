package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: a MANAGER opens a case whose demand went to the post office and downloads its
 * evidence pack (소송 자료) for a chosen date; the landlord sees the same button on their case view.
 */
@ServiceTest
class EvidenceJourneyTest extends ChromiumJourney {

    static final String REGISTERED_NO = "1234567890123";

    @Autowired Api api;
    @Autowired Portfolios portfolios;

    @Test
    void a_manager_downloads_the_evidence_pack_of_a_case_from_its_page() throws IOException {
        // 1 May 2026: HW-101's demand approved as 2026-000001 (TwoLandlords), posted the same day
        TwoLandlords two = portfolios.twoLandlords();
        portfolios.postDemandA(two, REGISTERED_NO);
        long caseId = portfolios.openCase("HW-101");

        browser.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        browser.open("/cases/" + caseId);
        assertThat(browser.text("#evidence")).contains("소송 자료", "지급명령 신청서 초안");
        browser.driver.executeScript("document.getElementById('evidence-as-of').value = '2026-04-30';"
                + "document.getElementById('evidence').scrollIntoView()");
        browser.screenshot("evidence-case");
        browser.find("#download-evidence").click();

        Path zip = browser.downloaded(name -> name.endsWith(".zip"));
        Map<String, String> texts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                texts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(zip.getFileName().toString()).isEqualTo("소송자료_대성정밀_HW-101_2026-04-30.zip");
        assertThat(texts.keySet()).contains("01_표지.pdf", "02_원장명세서.pdf", "03_독촉안내내역.csv", "내용증명_2026-000001_대성정밀.pdf",
                "발송기록.csv", "04_감사기록.csv", "05_지급명령신청서_초안.pdf", "index.csv");
        assertThat(texts.get("발송기록.csv")).contains(REGISTERED_NO, "배달 전");
        assertThat(texts.get("05_지급명령신청서_초안_전자소송입력용.txt")).contains("갑 제2호증 내용증명(지급 최고) (문서번호 2026-000001",
                "등기번호 " + REGISTERED_NO);

        // the landlord's own case view offers the same download
        browser.signOut();
        browser.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        browser.open("/cases/" + caseId);
        assertThat(browser.find("#download-evidence").getText()).contains("소송 자료 내려받기");
    }
}
