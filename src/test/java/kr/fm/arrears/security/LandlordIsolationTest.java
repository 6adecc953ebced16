package kr.fm.arrears.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Landlord A never sees landlord B: every URL of B's buildings, cases, messages, notices and
 * downloads is "not found" for A, and B's rows are in none of A's lists and files. A LANDLORD
 * reads; changing anything stays with the MANAGER.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandlordIsolationTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired Users users;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    TwoLandlords two;
    Api ownerA;

    @BeforeAll
    void portfolio() {
        two = portfolios.twoLandlords();
        ownerA = two.ownerA(api);
    }

    @Test
    void every_detail_url_of_landlord_b_is_not_found_for_landlord_a() {
        List<String> ofB = List.of("/api/landlords/" + two.landlordB(), "/api/buildings/" + two.buildingB(),
                "/api/leases/" + two.leaseB(), "/api/leases/" + two.leaseB() + "/charges",
                "/api/leases/" + two.leaseB() + "/payments", "/api/tenants/" + two.tenantB(), "/api/cases/" + two.caseB(),
                "/api/messages/" + two.messageB(), "/api/notices/" + two.noticeB(), "/api/notices/" + two.noticeB() + "/pdf",
                "/api/notices/" + two.noticeB() + "/pdf?download=1", "/api/notices/" + two.noticeB() + "/preview",
                "/api/notices/" + two.noticeB() + "/dispatch", "/api/notices/" + two.noticeB() + "/post-office",
                "/api/notices/" + two.noticeB() + "/postings", "/api/notices/" + two.noticeB() + "/proofs");
        for (String url : ofB) {
            assertThat(ownerA.getBytes(url, Map.of()).status()).as(url).isEqualTo(404);
            // the same URLs answer their own landlord: the 404 is about whose they are
            assertThat(two.ownerB(api).getBytes(url, Map.of()).status()).as(url + " for B").isEqualTo(200);
        }
        assertThat(ownerA.getBytes("/api/notices/" + two.noticeA() + "/pdf", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void landlord_b_payment_plan_and_its_agreement_are_not_found_for_landlord_a() {
        // B's whole overdue balance today, in one instalment ten days on
        long owed = api.get("/api/arrears/leases/" + two.leaseB()).body().get("arrears").get("overdueBalance").asLong();
        java.time.LocalDate due = java.time.LocalDate.parse(api.get("/api/arrears/leases/" + two.leaseB()).body().get("arrears")
                .get("asOf").asText()).plusDays(10);
        Api.Response plan = api.postJson("/api/cases/" + two.caseB() + "/plan", Map.of("instalments",
                List.of(Map.of("dueDate", due.toString(), "amount", owed))));
        assertThat(plan.status()).as("%s", plan.body()).isEqualTo(201);
        for (String url : List.of("/api/cases/" + two.caseB() + "/plans",
                "/api/cases/" + two.caseB() + "/plans/" + plan.body().get("id").asLong() + "/pdf")) {
            assertThat(ownerA.getBytes(url, Map.of()).status()).as(url).isEqualTo(404);
            assertThat(two.ownerB(api).getBytes(url, Map.of()).status()).as(url + " for B").isEqualTo(200);
        }
        // and a LANDLORD cannot agree one, not even for their own case
        assertThat(two.ownerB(api).postJson("/api/cases/" + two.caseB() + "/plan", Map.of("instalments",
                List.of(Map.of("dueDate", due.toString(), "amount", owed)))).status()).isEqualTo(403);
    }

    @Test
    void landlord_b_rows_are_in_none_of_landlord_a_lists() {
        assertThat(ownerA.get("/api/cases").body()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("landlordId").asLong()).isEqualTo(two.landlordA()));
        assertThat(ownerA.get("/api/cases?landlordId=" + two.landlordB()).body()).isEmpty();
        assertThat(ownerA.get("/api/cases?buildingId=" + two.buildingB()).body()).isEmpty();
        assertThat(ownerA.get("/api/messages").body()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("leaseId").asLong()).isNotEqualTo(two.leaseB()));
        assertThat(ownerA.get("/api/messages?leaseId=" + two.leaseB()).body()).isEmpty();
        assertThat(ownerA.get("/api/notices").body()).isNotEmpty()
                .allSatisfy(n -> assertThat(n.get("leaseId").asLong()).isNotEqualTo(two.leaseB()));
        assertThat(ownerA.get("/api/notices?leaseId=" + two.leaseB()).body()).isEmpty();

        JsonNode history = ownerA.get("/api/history?limit=1000").body();
        assertThat(history.get("items")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("buildingId").asLong()).isEqualTo(two.buildingA()));
        assertThat(history.get("total").asLong()).isEqualTo(history.get("items").size());
        JsonNode ofB = ownerA.get("/api/history?buildingId=" + two.buildingB()).body();
        assertThat(ofB.get("total").asLong()).isZero();
        assertThat(ownerA.get("/api/history?landlordId=" + two.landlordB()).body().get("items")).isEmpty();
        // staff see both landlords in the same list
        assertThat(api.get("/api/history?buildingId=" + two.buildingB()).body().get("total").asLong()).isPositive();
    }

    @Test
    void landlord_a_files_hold_only_landlord_a() throws IOException {
        String csv = new String(ownerA.getBytes("/api/history/export.csv", Map.of()).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("한울 제1공장", "HW-101").doesNotContain("서동", "SD-B12", "그린팩토리");

        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(
                ownerA.getBytes("/api/history/export.xlsx", Map.of()).body()))) {
            book.getFirstSheet().openStream().forEach(row -> row.stream().forEach(c -> cells.add(c == null ? "" : c.getRawValue())));
        }
        assertThat(cells).contains("한울 제1공장", "HW-101").doesNotContain("서동 지식산업센터", "SD-B12");

        List<String> names = new ArrayList<>();
        String index = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                ownerA.getBytes("/api/history/notices.zip", Map.of()).body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals("index.csv")) {
                    index = new String(bytes, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactly("내용증명_2026-000001_대성정밀.pdf", "index.csv");
        assertThat(index).doesNotContain("2026-000002", "SD-B12");
        // asking for B's building narrows A's ZIP to nothing, not to B's notices
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ownerA.getBytes(
                "/api/history/notices.zip?buildingId=" + two.buildingB(), Map.of()).body()), StandardCharsets.UTF_8)) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("index.csv");
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    @Test
    void a_landlord_may_not_approve_reject_edit_submit_dispatch_pause_or_resend() {
        Map<String, String> a = Api.signedInAs(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        long draftA = jdbc.sql("SELECT id FROM notice WHERE status = 'DRAFT' AND lease_id IN "
                + "(SELECT l.id FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id = ?) ORDER BY id LIMIT 1")
                .param(two.landlordA()).query(Long.class).single();
        long caseA = api.get("/api/cases").body().get(0).get("id").asLong();
        long messageA = ownerA.get("/api/messages").body().get(0).get("id").asLong();
        String before = jdbc.sql("SELECT string_agg(id || status || version, ',' ORDER BY id) FROM notice").query(String.class).single();
        Map<String, Object> writes = Map.of(
                "/api/notices/" + draftA + "/submit", Map.of(),
                "/api/notices/" + draftA + "/versions", Map.of("deadlineDays", 10),
                "/api/notices/" + two.noticeA() + "/approve", Map.of(),
                "/api/notices/" + draftA + "/reject", Map.of("reason", "싫어요"),
                "/api/notices/" + two.noticeA() + "/dispatch", Map.of(),
                "/api/notices/" + two.noticeA() + "/postings", Map.of("receiptNo", "1", "registeredNo", "1234567890123",
                        "postedOn", "2026-05-01", "fee", 5000, "recipientPostcode", "18622"),
                "/api/cases/" + caseA + "/pause", Map.of("until", "2026-06-30", "reason", "분할 납부"),
                "/api/messages/" + messageA + "/resend", Map.of(),
                "/api/escalation/runs", Map.of("businessDate", "2026-05-02", "dryRun", false));
        writes.forEach((url, body) -> assertThat(api.send(POST, url, a, body).status()).as(url).isEqualTo(403));
        assertThat(jdbc.sql("SELECT string_agg(id || status || version, ',' ORDER BY id) FROM notice").query(String.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM arrears_case WHERE paused_until IS NOT NULL").query(Long.class).single()).isZero();
    }

    @Test
    void a_signed_in_landlord_session_posting_without_its_csrf_token_is_refused() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD)).startsWith("302").doesNotContain("error");
        assertThat(browser.get("/api/history")).isEqualTo(200);
        long termination = jdbc.sql("SELECT id FROM notice WHERE kind = 'TERMINATION' AND landlord_consent_by IS NULL AND lease_id IN "
                + "(SELECT l.id FROM lease l JOIN building b ON b.id = l.building_id WHERE b.landlord_id = ?) ORDER BY id LIMIT 1")
                .param(two.landlordA()).query(Long.class).single();
        assertThat(browser.postWithoutToken("/api/notices/" + termination + "/consent")).isEqualTo(403);
        assertThat(jdbc.sql("SELECT landlord_consent_by IS NULL FROM notice WHERE id = ?").param(termination)
                .query(Boolean.class).single()).isTrue();
        // the same session with its token may give the one thing a landlord gives
        assertThat(browser.postWithToken("/api/notices/" + termination + "/consent")).isEqualTo(200);
    }

    @Test
    void an_integration_token_acts_as_its_landlord_until_revoked() {
        Api.Response issued = api.postJson("/api/users/" + TwoLandlords.OWNER_A + "/tokens", Map.of("name", "회계 시스템"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().get("token").asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        // only its SHA-256 is kept
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = ?").param(kr.fm.arrears.shared.Sha256.hex(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = ?").param(token).query(Long.class).single()).isZero();

        Api.Response history = api.send(org.springframework.http.HttpMethod.GET, "/api/history", bearer, null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("items")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("buildingId").asLong()).isEqualTo(two.buildingA()));
        assertThat(api.getBytes("/api/notices/" + two.noticeB() + "/pdf", bearer).status()).isEqualTo(404);
        assertThat(api.send(POST, "/api/notices/" + two.noticeA() + "/approve", bearer, null).status()).isEqualTo(403);
        // a landlord cannot issue tokens, not even for themselves
        assertThat(api.send(POST, "/api/users/" + TwoLandlords.OWNER_A + "/tokens",
                Api.signedInAs(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD), Map.of("name", "x")).status()).isEqualTo(403);

        long id = issued.body().get("id").asLong();
        assertThat(api.send(org.springframework.http.HttpMethod.DELETE, "/api/users/" + TwoLandlords.OWNER_A + "/tokens/" + id,
                Map.of(), null).status()).isEqualTo(204);
        Api.Response revoked = api.send(org.springframework.http.HttpMethod.GET, "/api/history", bearer, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(api.send(org.springframework.http.HttpMethod.GET, "/api/history", Map.of("Authorization", "Bearer arr_guess"), null)
                .status()).isEqualTo(401);
        assertThat(jdbc.sql("""
                SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE action LIKE 'API_TOKEN%' AND subject_id = ?""")
                .param(TwoLandlords.OWNER_A).query(String.class).single()).isEqualTo("API_TOKEN_ISSUED,API_TOKEN_REVOKED");
    }

    @Test
    void another_landlords_tenant_has_no_opt_outs_to_read_it_does_not_exist_for_landlord_a() {
        assertThat(api.putJson("/api/tenants/" + two.tenantB() + "/opt-outs", Map.of("channels", List.of("SMS"),
                "reason", "야간 문자 거부")).status()).isEqualTo(200);
        assertThat(ownerA.get("/api/tenants/" + two.tenantB() + "/opt-outs").status()).isEqualTo(404);
        assertThat(ownerA.get("/api/tenants/999999/opt-outs").status()).isEqualTo(404);
        assertThat(api.get("/api/tenants/999999/opt-outs").status()).isEqualTo(404);
        Api.Response own = two.ownerB(api).get("/api/tenants/" + two.tenantB() + "/opt-outs");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("channels")).extracting(JsonNode::asText).containsExactly("SMS");
    }

    @Test
    void wrong_passwords_make_the_password_wait_but_leave_the_accounts_token_working() {
        tx.executeWithoutResult(s -> users.create("hanul-clerk", TwoLandlords.PASSWORD, Role.LANDLORD, two.landlordA(), "경리", "test"));
        String token = api.postJson("/api/users/hanul-clerk/tokens", Map.of("name", "경리 프로그램")).body().get("token").asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        assertThat(api.send(org.springframework.http.HttpMethod.GET, "/api/history", bearer, null).status()).isEqualTo(200);
        Api wrong = api.as("hanul-clerk", "not-the-password");
        for (int i = 0; i < SignInWaits.MAX_FAILURES; i++) {
            assertThat(wrong.get("/api/leases").status()).isEqualTo(401);
        }
        // a token is not a guessed password: an attacker's guesses do not cut the integration off
        assertThat(api.send(org.springframework.http.HttpMethod.GET, "/api/history", bearer, null).status()).isEqualTo(200);
        assertThat(api.as("hanul-clerk", TwoLandlords.PASSWORD).get("/api/history").status()).isEqualTo(401);
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
