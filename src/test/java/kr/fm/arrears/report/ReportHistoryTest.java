package kr.fm.arrears.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly reports kept in the landlord's history: the history page lists them with their SHA-256,
 * and the history ZIP holds each PDF byte for byte beside the notices, with an index row naming its
 * SHA-256 — the landlord's own only, and only when the filter does not narrow to a building or tenant.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportHistoryTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired TestClock clock;
    @Autowired OwnerReports reports;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    TwoLandlords two;
    OwnerReports.Report march;
    OwnerReports.Report april;

    @BeforeAll
    void reports() {
        two = portfolios.twoLandlords();
        clock.set(LocalDateTime.of(2026, 4, 1, 9, 0));
        reports.generate(YearMonth.of(2026, 3), false, "SYSTEM");
        clock.set(LocalDateTime.of(2026, 5, 4, 9, 0));
        reports.generate(YearMonth.of(2026, 4), false, "SYSTEM");
        List<OwnerReports.Report> ofA = reports.list(Viewer.SYSTEM, two.landlordA());
        april = ofA.get(0);
        march = ofA.get(1);
    }

    @Test
    void the_zip_holds_the_landlords_report_pdfs_byte_for_byte_with_their_sha256_in_the_index() throws IOException {
        Map<String, byte[]> zip = unzip(two.ownerA(api), "/api/history/notices.zip");

        String aprilFile = "월간임대관리보고서_2026-04_" + two.landlordA() + ".pdf";
        String marchFile = "월간임대관리보고서_2026-03_" + two.landlordA() + ".pdf";
        // the landlord's notice first (as before), then the reports newest first, then the index
        assertThat(zip.keySet()).containsSubsequence("내용증명_2026-000001_대성정밀.pdf", aprilFile, marchFile, "index.csv");
        assertThat(zip.keySet()).noneMatch(n -> n.endsWith("_" + two.landlordB() + ".pdf"));
        assertThat(Sha256.hex(zip.get(aprilFile))).isEqualTo(april.sha256());
        assertThat(Sha256.hex(zip.get(marchFile))).isEqualTo(march.sha256());

        List<CSVRecord> index = csv(zip.get("index.csv"));
        assertThat(index).filteredOn(r -> r.get("파일명").startsWith("월간임대관리보고서"))
                .extracting(r -> r.get("파일명") + " | " + r.get("종류") + " | " + r.get("일시") + " | " + r.get("SHA-256"))
                .containsExactly(aprilFile + " | 월간 임대관리 보고서 2026년 4월 | 2026-05-04 09:00 | " + april.sha256(),
                        marchFile + " | 월간 임대관리 보고서 2026년 3월 | 2026-04-01 09:00 | " + march.sha256());
    }

    @Test
    void a_filter_of_a_building_or_a_period_before_the_reports_leaves_them_out() throws IOException {
        assertThat(unzip(two.ownerA(api), "/api/history/notices.zip?buildingId=" + two.buildingA()).keySet())
                .noneMatch(n -> n.startsWith("월간임대관리보고서"));
        // made on 1 April and 4 May: a period of April holds only March's report
        assertThat(unzip(two.ownerA(api), "/api/history/notices.zip?from=2026-04-01&to=2026-04-30").keySet())
                .filteredOn(n -> n.startsWith("월간임대관리보고서")).containsExactly("월간임대관리보고서_2026-03_" + two.landlordA() + ".pdf");
        // staff's ZIP of every landlord holds both landlords' reports
        assertThat(unzip(api, "/api/history/notices.zip").keySet()).filteredOn(n -> n.startsWith("월간임대관리보고서")).hasSize(4);
    }

    @Test
    void the_history_page_lists_the_reports_with_their_sha256_and_links() {
        Browser owner = new Browser(port);
        owner.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        String page = owner.page("/history").body();
        String kept = page.substring(page.indexOf("id=\"kept-documents\""));
        assertThat(kept).contains("월간 임대관리 보고서 2026년 4월", april.sha256(), "/api/reports/monthly/" + april.id() + ".pdf",
                "월간 임대관리 보고서 2026년 3월", march.sha256(), "/portal/reports/2026-04");
        assertThat(kept.indexOf("2026년 4월")).isLessThan(kept.indexOf("2026년 3월"));
        // the other landlord's history holds only their own
        Browser other = new Browser(port);
        other.signIn(TwoLandlords.OWNER_B, TwoLandlords.PASSWORD);
        assertThat(other.page("/history").body()).doesNotContain(april.sha256(), march.sha256());
        // narrowed to reminders, the page shows none
        assertThat(owner.page("/history?kind=REMINDER").body()).doesNotContain("id=\"kept-documents\"");
    }

    @Test
    void the_reports_page_is_the_viewers_own_and_a_month_without_a_report_is_not_found() {
        Browser owner = new Browser(port);
        owner.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        Browser.Page page = owner.page("/portal/reports/2026-04");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("한울산업개발 귀하", april.sha256(), "/api/reports/monthly/" + april.id() + ".pdf");
        assertThat(owner.page("/portal/reports/2026-01").status()).isEqualTo(404);
        // the other landlord's page of the same month is their own report, never this one
        Browser other = new Browser(port);
        other.signIn(TwoLandlords.OWNER_B, TwoLandlords.PASSWORD);
        assertThat(other.page("/portal/reports/2026-04?landlordId=" + two.landlordA()).body()).doesNotContain(april.sha256());
        // staff name the landlord
        Browser manager = new Browser(port);
        manager.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        assertThat(manager.page("/portal/reports/2026-04?landlordId=" + two.landlordA()).body()).contains(april.sha256());
        assertThat(manager.page("/portal/reports/2026-04").status()).isEqualTo(404);
    }

    private static Map<String, byte[]> unzip(Api api, String path) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(api.getBytes(path, Map.of()).body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text.substring(1)))
                .getRecords();
    }
}
