package kr.fm.arrears.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.notice.PdfPages;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.shared.Won;
import kr.fm.arrears.support.Api;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** SPEC "Evidence pack": what the landlord's lawyer gets for a case, and who may have it. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    static final String REGISTERED_NO = "1234567890123";

    static final byte[] PROOF = "%PDF-1.4 배달증명서\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    TwoLandlords two;
    long proofId;
    long caseHw101;
    long leaseHw101;
    long caseL1;

    @BeforeAll
    void portfolio() {
        two = portfolios.twoLandlords(); // the README's portfolio, escalated to 1 May 2026
        caseHw101 = portfolios.openCase("HW-101");
        // its demand went to the post office on 1 May: the pack files the 등기번호
        portfolios.postDemandA(two, REGISTERED_NO);
        // and its 배달증명, printed from the post office's site
        Api.Response proof = api.as(TwoLandlords.MANAGER, TwoLandlords.PASSWORD).postFile("/api/notices/" + two.noticeA()
                + "/proofs?kind=DELIVERY_PROOF", "file", "배달증명서.pdf", PROOF);
        assertThat(proof.status()).isEqualTo(201);
        proofId = proof.body().get("id").asLong();
        leaseHw101 = portfolios.leaseId("HW-101");
        // a lease of one month paid late and one not paid: the 지급명령's amounts below are worked from it
        Portfolios.Given l1 = portfolios.given().lease(Portfolios.lease("L1").unit("102").tenant(Portfolios.tenantNo(1, "(주)새한정밀")))
                .escalatedOn(LocalDate.of(2026, 5, 11)).make(); // after the portfolio's last run: today is 11 May
        l1.pay(l1.leaseId("L1"), LocalDate.of(2026, 3, 20), 1_210_000);
        caseL1 = l1.onlyCase("L1");
    }

    @Test
    void the_pack_of_a_case_holds_every_listed_file_with_the_ledgers_totals_and_a_matching_sha256_list() throws IOException {
        LocalDate asOf = LocalDate.of(2026, 4, 30);
        Api.Bytes zip = two.ownerA(api).getBytes("/api/cases/" + caseHw101 + "/evidence?asOf=" + asOf, Map.of());
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        Map<String, byte[]> entries = entries(zip.body());

        assertThat(entries.keySet()).containsExactly("01_표지.pdf", "02_원장명세서.pdf", "03_독촉안내내역.csv",
                "내용증명_2026-000001_대성정밀.pdf", "배달증명_2026-000001_" + proofId + ".pdf", "발송기록.csv", "04_감사기록.csv", "04_감사기록_검증결과.txt", "05_지급명령신청서_초안.pdf",
                "05_지급명령신청서_초안_전자소송입력용.txt", "index.csv");

        // the statement's totals are the ledger's on the same date
        JsonNode arrears = api.get("/api/arrears/leases/" + leaseHw101 + "?asOf=" + asOf).body().get("arrears");
        long balance = arrears.get("overdueBalance").asLong();
        long interest = arrears.get("lateInterest").asLong();
        assertThat(balance).isPositive();
        String statement = PdfPages.read(entries.get("02_원장명세서.pdf")).text();
        assertThat(statement).contains("2026년 4월 30일 현재", "미납 원금 " + Won.format(balance), "지연손해금 " + Won.format(interest),
                "합계 " + Won.format(balance + interest));

        // index.csv names every other file with the SHA-256 of its bytes
        List<CSVRecord> index = csv(entries.get("index.csv"));
        assertThat(index).extracting(r -> r.get("파일명")).containsExactlyElementsOf(
                entries.keySet().stream().filter(n -> !n.equals("index.csv")).toList());
        assertThat(index).allSatisfy(r -> assertThat(r.get("SHA-256")).as(r.get("파일명"))
                .isEqualTo(Sha256.hex(entries.get(r.get("파일명")))));

        String cover = PdfPages.read(entries.get("01_표지.pdf")).text();
        assertThat(cover).contains("한울산업개발", "(주)대성정밀", "김대성", "HW-101", "1차 독촉", "이행 최고서 승인");
        assertThat(csv(entries.get("03_독촉안내내역.csv"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("상태")).isNotBlank());
        assertThat(entries.get("배달증명_2026-000001_" + proofId + ".pdf")).isEqualTo(PROOF);
        assertThat(csv(entries.get("발송기록.csv"))).extracting(r -> r.get("문서번호") + " " + r.get("등기번호") + " " + r.get("결과"))
                .containsExactly("2026-000001 " + REGISTERED_NO + " 배달 전");
        assertThat(new String(entries.get("04_감사기록_검증결과.txt"), StandardCharsets.UTF_8)).startsWith("결과: 정상");
        assertThat(csv(entries.get("04_감사기록.csv"))).extracting(r -> r.get("동작")).contains("LEASE_CREATED", "CASE_OPENED",
                "NOTICE_APPROVED");
        assertThat(PdfPages.read(entries.get("05_지급명령신청서_초안.pdf")).text()).contains("초안", "지급명령 신청서",
                "갑 제1호증 임대차계약서", "갑 제2호증 내용증명(지급 최고)", "갑 제3호증 임대료 원장 명세서");
        assertThat(new String(entries.get("05_지급명령신청서_초안_전자소송입력용.txt"), StandardCharsets.UTF_8)).contains(
                "갑 제2호증 내용증명(지급 최고) (문서번호 2026-000001 · 1번째 발송 2026-05-01 · 등기번호 " + REGISTERED_NO + " · 배달 전)",
                "채권자는 2026년 5월 1일 내용증명우편(문서번호 2026-000001)으로 채무자에게 미납 차임 등의 지급을 최고하였으나");
    }

    @Test
    void another_landlords_landlord_gets_not_found_and_every_pack_is_audited_as_a_download() {
        assertThat(two.ownerB(api).getBytes("/api/cases/" + caseHw101 + "/evidence", Map.of()).status()).isEqualTo(404);
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED'").query(Long.class).single();
        assertThat(two.ownerA(api).getBytes("/api/cases/" + caseHw101 + "/evidence?asOf=2026-04-30", Map.of()).status()).isEqualTo(200);
        Map<String, Object> event = jdbc.sql("""
                SELECT actor, subject_type, subject_id, lease_id, details FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED'
                ORDER BY id DESC LIMIT 1""").query().singleRow();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED'").query(Long.class).single())
                .isEqualTo(before + 1);
        assertThat(event).containsEntry("actor", TwoLandlords.OWNER_A).containsEntry("subject_type", "CASE")
                .containsEntry("subject_id", String.valueOf(caseHw101)).containsEntry("lease_id", leaseHw101);
        assertThat((String) event.get("details")).contains("\"document\":\"EVIDENCE_PACK\"", "\"asOf\":\"2026-04-30\"");
    }

    /**
     * Lease L1: 1,100,000 rent and 110,000 fee (VAT included) due on the 10th, statutory 6 % (both merchants).
     * March's 1,210,000 was paid on 20 March, 10 days late: 1,100,000 × 6 % × 10 / 365 = 1,808.2 → 1,808 and
     * 110,000 × 6 % × 10 / 365 = 180.8 → 180, a settled 1,988. April's are unpaid on 9 May, 29 days:
     * 1,100,000 × 6 % × 29 / 365 = 5,243.8 → 5,243 and 110,000 × 6 % × 29 / 365 = 524.3 → 524.
     * Interest to the date 1,988 + 5,243 + 524 = 7,755. Principal 1,210,000; 소가 1,210,000 + 1,988 = 1,211,988;
     * 인지액 1,211,988 × 0.005 = 6,059.94, a tenth 605.99 → under 1,000 → 1,000원; 송달료 2 × 4 × 5,500 = 44,000원.
     */
    @Test
    void the_payment_order_draft_claims_the_principal_from_the_day_after_each_due_date_with_the_fees_worked_by_hand()
            throws IOException {
        Api.Bytes zip = api.getBytes("/api/cases/" + caseL1 + "/evidence?asOf=2026-05-09", Map.of());
        assertThat(zip.status()).isEqualTo(200);
        Map<String, byte[]> entries = entries(zip.body());
        String text = new String(entries.get("05_지급명령신청서_초안_전자소송입력용.txt"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("[초안] 지급명령 신청서")
                .contains("상호(성명): 한울산업개발", "사업자등록번호: 220-81-62517", "전화: 031-355-1200", "상호(성명): (주)새한정밀", "대표자: 대표1", "경기도 화성시 향남읍 발안공단로 12 102호",
                        "1. 채무자는 채권자에게 1,211,988원 및 그중 1,210,000원에 대하여는 2026. 4. 11.부터 다 갚는 날까지 연 6%의 비율로"
                                + " 계산한 돈을 지급하라.",
                        " - 2026년 4월분 임대료, 관리비 (지급기일 2026. 4. 10.): 1,210,000원, 2026. 4. 11.부터 다 갚는 날까지 연 6%",
                        " - 늦게 낸 차임 등의 확정 지연손해금: 1,988원",
                        "2026년 5월 9일까지 발생한 지연손해금은 7,755원",
                        "소가: 1,211,988원", "인지액: 1,000원", "송달료: 44,000원 (당사자 2명 × 4회분 × 5,500원)", "합계: 45,000원",
                        "갑 제1호증 임대차계약서", "상법 제54조의 상사법정이율인 연 6%",
                        "채무자는 2026년 4월분의 차임 등 합계 1,210,000원을 지급기일이 지나도록 지급하지 않았습니다");
        String pdf = PdfPages.read(entries.get("05_지급명령신청서_초안.pdf")).text();
        assertThat(pdf).contains("초안", "1,211,988원", "1,000원", "44,000원", "45,000원");
        assertThat(PdfPages.read(entries.get("02_원장명세서.pdf")).text()).contains("미납 원금 1,210,000원", "지연손해금 7,755원");
    }

    @Test
    void the_stamp_follows_each_band_of_the_stamp_act_at_a_tenth_rounded_down_to_100_won() {
        // 25,000,000 × 0.0045 + 5,000 = 117,500 → a tenth 11,750 → 11,700
        assertThat(CourtFees.paymentOrderStamp(25_000_000)).isEqualTo(11_700);
        // 150,000,000 × 0.004 + 55,000 = 655,000 → 65,500
        assertThat(CourtFees.paymentOrderStamp(150_000_000)).isEqualTo(65_500);
        // 2,000,000,000 × 0.0035 + 555,000 = 7,555,000 → 755,500
        assertThat(CourtFees.paymentOrderStamp(2_000_000_000)).isEqualTo(755_500);
        // 9,999,999 × 0.005 = 49,999.995 → 4,999.9995 → 4,900
        assertThat(CourtFees.paymentOrderStamp(9_999_999)).isEqualTo(4_900);
        // 100,000 × 0.005 = 500 → 50 → at least 1,000
        assertThat(CourtFees.paymentOrderStamp(100_000)).isEqualTo(1_000);
    }

    @Test
    void an_as_of_date_after_today_is_refused_naming_the_field() {
        Api.Response r = api.get("/api/cases/" + caseL1 + "/evidence?asOf=2026-05-12");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("asOf");
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text.substring(1)))
                .getRecords();
    }
}
