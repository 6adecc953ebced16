package kr.fm.arrears.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The notice history a landlord downloads for their accountant: filters, the month's summary worked
 * by hand, Korean file names, the ZIP of approved PDFs, and an audit event for every download.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeHistoryTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.core.env.Environment env;

    TwoLandlords two;

    @BeforeAll
    void portfolio() {
        two = portfolios.twoLandlords();
    }

    @Test
    void the_history_filters_by_building_tenant_period_status_and_kind() {
        List<JsonNode> ofA = items("/api/history?buildingId=" + two.buildingA());
        assertThat(ofA).isNotEmpty().allSatisfy(e -> assertThat(e.get("buildingName").asText()).isEqualTo("한울 제1공장"));
        List<JsonNode> ofB = items("/api/history?tenantId=" + two.tenantB());
        assertThat(ofB).isNotEmpty().allSatisfy(e -> assertThat(e.get("tenantName").asText()).isEqualTo("그린팩토리"));
        assertThat(ofA.size() + ofB.size()).isEqualTo(items("/api/history").size());

        // 11 March's run: March's reminders of HW-101 and HW-301 and the demand drafted for HW-302
        List<JsonNode> march11 = items("/api/history?from=2026-03-11&to=2026-03-11");
        assertThat(march11).isNotEmpty().allSatisfy(e -> assertThat(seoulDate(e)).isEqualTo(LocalDate.of(2026, 3, 11)));
        assertThat(march11).extracting(e -> e.get("leaseCode").asText()).containsOnly("HW-101", "HW-301", "HW-302");
        assertThat(march11).filteredOn(e -> e.get("kind").asText().equals("NOTICE"))
                .extracting(e -> e.get("leaseCode").asText() + " " + e.get("description").asText() + " " + e.get("statusLabel").asText())
                .containsExactly("HW-302 내용증명(지급 최고) 작성 중");
        assertThat(items("/api/history?from=2026-03-12&to=2026-04-14")).isEmpty();

        List<JsonNode> approved = items("/api/history?status=APPROVED");
        assertThat(approved).extracting(e -> e.get("documentNo").asText() + " " + e.get("tenantName").asText() + " "
                + e.get("pdfAvailable").asBoolean()).containsExactlyInAnyOrder("2026-000001 (주)대성정밀 true", "2026-000002 그린팩토리 true");
        List<JsonNode> reminders = items("/api/history?kind=REMINDER");
        assertThat(reminders).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("REMINDER");
            assertThat(e.get("noticeId").isNull()).isTrue();
        });
        assertThat(reminders).extracting(e -> e.get("description").asText()).contains("최종 독촉 · 이메일");
        assertThat(items("/api/history?kind=NOTICE&status=DRAFT")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("pdfAvailable").asBoolean()).isFalse());
    }

    @Test
    void a_bad_filter_is_a_problem_naming_the_parameter_and_nothing_is_downloaded() {
        long audited = downloads();
        assertThat(field("/api/history?from=2026-05-01&to=2026-04-01")).isEqualTo("from");
        assertThat(field("/api/history/export.csv?from=2026-05-01&to=2026-04-01")).isEqualTo("from");
        assertThat(field("/api/history/notices.zip?from=2026-02-30")).isEqualTo("from");
        assertThat(field("/api/history/export.xlsx?to=yesterday")).isEqualTo("to");
        assertThat(field("/api/history?kind=LETTER")).isEqualTo("kind");
        assertThat(field("/api/history?kind=REMINDER&status=APPROVED")).isEqualTo("status");
        assertThat(field("/api/history/summary?month=2026-13")).isEqualTo("month");
        assertThat(downloads()).isEqualTo(audited);
    }

    @Test
    void files_carry_korean_names_with_an_ascii_fallback() {
        assertThat(disposition("/api/notices/" + two.noticeA() + "/pdf")).isEqualTo(
                "inline; filename=\"notice_2026-000001.pdf\"; filename*=UTF-8''" + utf8("내용증명_2026-000001_대성정밀.pdf"));
        assertThat(disposition("/api/notices/" + two.noticeA() + "/pdf?download=1")).startsWith("attachment; ");
        assertThat(disposition("/api/history/export.csv?from=2026-03-01&to=2026-03-31")).isEqualTo(
                "attachment; filename=\"notice-history_2026-03.csv\"; filename*=UTF-8''" + utf8("통지이력_2026-03.csv"));
        assertThat(disposition("/api/history/notices.zip")).isEqualTo(
                "attachment; filename=\"notices_2026-05-01.zip\"; filename*=UTF-8''" + utf8("내용증명_2026-05-01.zip"));
    }

    @Test
    void the_zip_holds_exactly_the_approved_pdfs_byte_for_byte_and_an_index_row_for_each() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                api.getBytes("/api/history/notices.zip", Map.of()).body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        // a posting list comes with the PDFs once any was posted (the monthly summary's test records two)
        long postings = jdbc.sql("SELECT count(*) FROM notice_dispatch WHERE notice_id IN (?, ?) AND status = 'SENT'")
                .params(two.noticeA(), two.noticeB()).query(Long.class).single();
        List<String> expected = new ArrayList<>(List.of("내용증명_2026-000001_대성정밀.pdf", "내용증명_2026-000002_그린팩토리.pdf"));
        if (postings > 0) {
            expected.add("발송기록.csv");
        }
        expected.add("index.csv");
        assertThat(entries.keySet()).containsExactlyElementsOf(expected);
        if (postings > 0) {
            assertThat(csv(entries.get("발송기록.csv"))).as("a row a posting").hasSize((int) postings);
        }
        assertThat(Sha256.hex(entries.get("내용증명_2026-000001_대성정밀.pdf"))).isEqualTo(approvedSha256(two.noticeA()));
        assertThat(Sha256.hex(entries.get("내용증명_2026-000002_그린팩토리.pdf"))).isEqualTo(approvedSha256(two.noticeB()));

        List<CSVRecord> index = csv(entries.get("index.csv"));
        assertThat(index).extracting(r -> r.get("파일명") + " " + r.get("문서번호") + " " + r.get("SHA-256")).containsExactly(
                "내용증명_2026-000001_대성정밀.pdf 2026-000001 " + approvedSha256(two.noticeA()),
                "내용증명_2026-000002_그린팩토리.pdf 2026-000002 " + approvedSha256(two.noticeB()));
    }

    @Test
    void the_csv_opens_in_excel_and_the_workbook_holds_the_same_rows() throws IOException {
        byte[] file = two.ownerA(api).getBytes("/api/history/export.csv", Map.of()).body();
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = csv(file);
        long total = two.ownerA(api).get("/api/history").body().get("total").asLong();
        assertThat(rows).hasSize((int) total);
        assertThat(rows).extracting(r -> r.get("문서번호")).contains("2026-000001");

        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(
                two.ownerA(api).getBytes("/api/history/export.xlsx", Map.of()).body()))) {
            book.getFirstSheet().openStream().forEach(row -> sheet.add(row.stream()
                    .map(c -> c == null ? "" : c.getRawValue()).toList()));
        }
        assertThat(sheet).hasSize((int) total + 1);
        assertThat(sheet.get(0)).containsExactly("일시", "구분", "내용", "건물", "임차인", "계약", "발송 경로", "상태", "문서번호");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(sheet.get(i + 1).subList(1, 9)).isEqualTo(rows.get(i).toList().subList(1, 9));
        }
    }

    @Test
    void every_download_is_audited_once_with_who_what_and_how_many() {
        Api owner = two.ownerA(api);
        long before = downloads();
        owner.getBytes("/api/notices/" + two.noticeA() + "/pdf", Map.of());
        owner.getBytes("/api/history/export.csv?kind=REMINDER", Map.of());
        owner.getBytes("/api/history/export.xlsx", Map.of());
        owner.getBytes("/api/history/notices.zip", Map.of());
        List<Map<String, Object>> events = jdbc.sql("""
                SELECT actor, subject_type, subject_id, details FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED'
                ORDER BY id OFFSET ?""").param(before).query().listOfRows();
        long reminders = owner.get("/api/history?kind=REMINDER").body().get("total").asLong();
        long all = owner.get("/api/history").body().get("total").asLong();
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.get("actor")).isEqualTo(TwoLandlords.OWNER_A));
        assertThat(events.get(0).get("subject_id")).isEqualTo(String.valueOf(two.noticeA()));
        assertThat((String) events.get(0).get("details")).contains("\"document\":\"NOTICE_PDF\"", "\"documentNo\":\"2026-000001\"");
        assertThat((String) events.get(1).get("details")).contains("\"document\":\"HISTORY_CSV\"", "\"count\":" + reminders,
                "\"kind\":\"REMINDER\"", "\"landlordId\":" + two.landlordA());
        assertThat((String) events.get(2).get("details")).contains("\"document\":\"HISTORY_XLSX\"", "\"count\":" + all);
        assertThat((String) events.get(3).get("details")).contains("\"document\":\"NOTICE_ZIP\"", "\"count\":1",
                "\"noticeIds\":[" + two.noticeA() + "]");
        assertThat(events.get(3).get("subject_id")).isEqualTo("내용증명_2026-05-01.zip");
    }

    /**
     * June 2026 for landlord A, by hand. Lease SUM-1 (building A): case opened 2 June, closed 16 June.
     * Reminders that left in June: REMINDER_1 by AlimTalk and e-mail on 2 June, an UPCOMING on 7 June
     * and one at 23:30 on 30 June (Seoul) = 4; not counted: the RESOLVED thank-you, one still queued,
     * one at 00:30 on 1 July Seoul time (still 30 June in UTC). Payments on SUM-1: 500,000 on 1 June
     * (before any reminder), 1,000,000 on 2 June (reminder that day) and 2,000,000 on 15 June (case
     * open) count = 3,000,000; 3,000,000 on 25 June (case closed) does not. A's approved notice went
     * to the post office on 5 June = 1. Landlord B: a reminder on 9 June, 700,000 paid on 10 June
     * with its case open, its notice sent on 31 May.
     */
    @Test
    void the_monthly_summary_counts_what_the_service_did_for_the_landlord() {
        long tenantA = jdbc.sql("SELECT tenant_id FROM lease WHERE code = 'HW-101'").query(Long.class).single();
        long lease = jdbc.sql("""
                INSERT INTO lease (code, tenant_id, building_id, start_date, end_date, monthly_rent, management_fee, deposit, due_day)
                VALUES ('SUM-1', ?, ?, '2026-01-01', '2027-12-31', 1000000, 100000, 10000000, 1) RETURNING id""")
                .params(tenantA, two.buildingA()).query(Long.class).single();
        long caseId = jdbc.sql("""
                INSERT INTO arrears_case (lease_id, opened_on, stage, closed_on) VALUES (?, '2026-06-02', 'REMINDER_1', '2026-06-16')
                RETURNING id""").param(lease).query(Long.class).single();
        message(lease, tenantA, caseId, "REMINDER_1", "ALIMTALK", LocalDateTime.of(2026, 6, 2, 10, 0));
        message(lease, tenantA, caseId, "REMINDER_1", "EMAIL", LocalDateTime.of(2026, 6, 2, 10, 0));
        message(lease, tenantA, null, "UPCOMING", "EMAIL", LocalDateTime.of(2026, 6, 7, 9, 0));
        message(lease, tenantA, caseId, "RESOLVED", "EMAIL", LocalDateTime.of(2026, 6, 20, 9, 0));
        message(lease, tenantA, null, "UPCOMING", "EMAIL", LocalDateTime.of(2026, 6, 30, 23, 30));
        message(lease, tenantA, null, "UPCOMING", "EMAIL", LocalDateTime.of(2026, 7, 1, 0, 30));
        message(lease, tenantA, null, "UPCOMING", "SMS", null);
        payment(lease, "2026-06-01", 500_000);
        payment(lease, "2026-06-02", 1_000_000);
        payment(lease, "2026-06-15", 2_000_000);
        payment(lease, "2026-06-25", 3_000_000);
        dispatched(two.noticeA(), LocalDateTime.of(2026, 6, 5, 10, 0));

        message(two.leaseB(), two.tenantB(), two.caseB(), "REMINDER_2", "EMAIL", LocalDateTime.of(2026, 6, 9, 9, 0));
        payment(two.leaseB(), "2026-06-10", 700_000);
        dispatched(two.noticeB(), LocalDateTime.of(2026, 5, 31, 23, 0));

        assertThat(summary(two.ownerA(api), "")).isEqualTo("2026-06 4 3000000 1");
        assertThat(summary(api, "&landlordId=" + two.landlordA())).isEqualTo("2026-06 4 3000000 1");
        assertThat(summary(two.ownerB(api), "")).isEqualTo("2026-06 1 700000 0");
        assertThat(summary(api, "")).isEqualTo("2026-06 5 3700000 1");
        // a landlord asking for another's figures gets none of them
        assertThat(summary(two.ownerA(api), "&landlordId=" + two.landlordB())).isEqualTo("2026-06 0 0 0");
    }

    // --- helpers

    private List<JsonNode> items(String url) {
        Api.Response r = api.get(url + (url.contains("?") ? "&" : "?") + "limit=1000");
        assertThat(r.status()).as(url).isEqualTo(200);
        return StreamSupport.stream(r.body().get("items").spliterator(), false).toList();
    }

    private static LocalDate seoulDate(JsonNode entry) {
        return java.time.Instant.parse(entry.get("at").asText()).atZone(BusinessTime.SEOUL).toLocalDate();
    }

    private String field(String url) {
        Api.Response r = api.get(url);
        assertThat(r.status()).as(url).isEqualTo(422);
        return r.body().get("errors").get(0).get("field").asText();
    }

    private long downloads() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED'").query(Long.class).single();
    }

    private String disposition(String url) {
        return RestClient.create("http://localhost:" + env.getProperty("local.server.port")).get().uri(url)
                .headers(h -> h.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD))
                .exchange((req, res) -> {
                    assertThat(res.getStatusCode().value()).as(url).isEqualTo(200);
                    return res.getHeaders().getFirst("Content-Disposition");
                });
    }

    private static String utf8(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private String approvedSha256(long noticeId) {
        JsonNode versions = api.get("/api/notices/" + noticeId).body().get("versions");
        return versions.get(versions.size() - 1).get("pdfSha256").asText();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text.substring(1)))
                .getRecords();
    }

    @Test
    void reminders_sent_count_what_the_provider_accepted_and_say_what_it_delivered_and_what_demo_mode_only_marked() {
        long tenant = jdbc.sql("SELECT tenant_id FROM lease WHERE code = 'HW-101'").query(Long.class).single();
        long lease = jdbc.sql("""
                INSERT INTO lease (code, tenant_id, building_id, start_date, end_date, monthly_rent, management_fee, deposit, due_day)
                VALUES ('SUM-8', ?, ?, '2026-01-01', '2027-12-31', 1000000, 100000, 10000000, 1) RETURNING id""")
                .params(tenant, two.buildingA()).query(Long.class).single();
        message(lease, tenant, null, "UPCOMING", "EMAIL", LocalDateTime.of(2026, 8, 3, 9, 0));
        message(lease, tenant, null, "UPCOMING", "SMS", LocalDateTime.of(2026, 8, 3, 9, 0));
        message(lease, tenant, null, "UPCOMING", "ALIMTALK", LocalDateTime.of(2026, 8, 3, 9, 0));
        message(lease, tenant, null, "UPCOMING", "EMAIL", LocalDateTime.of(2026, 8, 4, 9, 0));
        List<Long> ids = jdbc.sql("SELECT id FROM message WHERE lease_id = ? AND sent_at >= '2026-08-01' ORDER BY id")
                .param(lease).query(Long.class).list();
        jdbc.sql("UPDATE message SET state = 'DELIVERED' WHERE id = ?").param(ids.get(1)).update();
        jdbc.sql("UPDATE message SET state = 'FAILED' WHERE id = ?").param(ids.get(2)).update(); // 3104: not a KakaoTalk user
        jdbc.sql("UPDATE message SET sent_in_demo = TRUE WHERE id = ?").param(ids.get(3)).update();

        JsonNode s = two.ownerA(api).get("/api/history/summary?month=2026-08").body();

        assertThat(s.get("remindersSent").asLong()).as("the undelivered one is not counted").isEqualTo(3);
        assertThat(s.get("remindersDelivered").asLong()).isOne();
        assertThat(s.get("remindersSentInDemo").asLong()).isOne();
    }

    private String summary(Api as, String extra) {
        JsonNode s = as.get("/api/history/summary?month=2026-06" + extra).body();
        return s.get("month").asText() + " " + s.get("remindersSent").asLong() + " " + s.get("amountRecoveredAfterReminder").asLong()
                + " " + s.get("noticesSent").asLong();
    }

    private void message(long lease, long tenant, Long caseId, String stage, String channel, LocalDateTime sentSeoul) {
        Timestamp sent = sentSeoul == null ? null : Timestamp.from(sentSeoul.atZone(BusinessTime.SEOUL).toInstant());
        Timestamp created = Timestamp.from(LocalDateTime.of(2026, 6, 1, 0, 0).toInstant(ZoneOffset.UTC));
        jdbc.sql("""
                INSERT INTO message (idempotency_key, case_id, lease_id, tenant_id, stage, channel, kind, body, state, created_at,
                                     updated_at, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, '본문', ?, ?, ?, ?)""")
                .params("summary-" + java.util.UUID.randomUUID(), caseId, lease, tenant, stage, channel, channel,
                        sent == null ? "QUEUED" : "SENT", created, created, sent)
                .update();
    }

    private void payment(long lease, String on, long amount) {
        jdbc.sql("INSERT INTO payment (lease_id, bank_reference, paid_on, amount) VALUES (?, ?, ?, ?)")
                .params(lease, "SUM-" + java.util.UUID.randomUUID(), LocalDate.parse(on), amount).update();
    }

    private void dispatched(long notice, LocalDateTime sentSeoul) {
        Timestamp sent = Timestamp.from(sentSeoul.atZone(BusinessTime.SEOUL).toInstant());
        jdbc.sql("""
                INSERT INTO notice_dispatch (notice_id, version, dispatch_key, status, requested_by, created_at, sent_at)
                VALUES (?, 1, ?, 'SENT', 'kim', ?, ?)""").params(notice, "summary-" + notice, sent, sent).update();
    }
}
