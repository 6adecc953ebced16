package kr.fm.arrears.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import org.springframework.transaction.support.TransactionTemplate;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Who may do what: roles, waits after repeated wrong passwords, CSRF on forms, audited sign-ins. */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest {

    @Autowired Api api;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired kr.fm.arrears.support.TestClock clock;
    @Value("${local.server.port}") int port;

    @Test
    @Order(1)
    void without_credentials_the_api_answers_401_as_a_problem() {
        Api.Response r = api.anonymous().get("/api/leases");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("title").asText()).isEqualTo("로그인이 필요합니다");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        // nobody anonymous may report a certified notice delivered: without credentials a POST is a
        // browser's, and without its CSRF token it is refused before anything else
        assertThat(api.anonymous().postJson("/api/notices/postal/deliveries",
                Map.of("receiptNo", "R-1", "status", "DELIVERED")).status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void a_landlord_sees_only_their_own_buildings_and_may_not_change_anything() {
        api.postCsv("/api/imports/leases", Portfolios.exampleLeases());
        long seodong = jdbc.sql("SELECT id FROM landlord WHERE name = '서동산업(주)'").query(Long.class).single();
        long otherLease = jdbc.sql("SELECT id FROM lease WHERE code = 'HW-101'").query(Long.class).single();
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                users.create("seodong", "landlord-password", Role.LANDLORD, seodong, "서동산업", Viewer.SYSTEM_NAME));
        Api owner = api.as("seodong", "landlord-password");

        assertThat(owner.get("/api/leases").body()).extracting(l -> l.get("code").asText()).containsExactly("SD-B12");
        assertThat(owner.get("/api/landlords").body()).hasSize(1);
        assertThat(owner.get("/api/tenants").body()).extracting(t -> t.get("name").asText()).containsExactly("그린팩토리");
        assertThat(owner.get("/api/buildings").body()).hasSize(1);
        assertThat(owner.get("/api/leases/" + otherLease).status()).isEqualTo(404);
        assertThat(owner.get("/api/leases/" + otherLease + "/charges").status()).isEqualTo(404);
        assertThat(owner.get("/api/arrears/leases/" + otherLease + "?asOf=2026-03-31").status()).isEqualTo(404);
        // no payments imported: every lease owes, but the owner's report holds only their own
        assertThat(owner.get("/api/arrears?asOf=2026-03-31").body().get("items"))
                .extracting(i -> i.get("lease").get("code").asText()).containsExactly("SD-B12");
        assertThat(owner.get("/api/arrears?asOf=2026-03-31&landlordId=1").body().get("items")).isEmpty();
        assertThat(owner.get("/api/audit/events").status()).isEqualTo(403);
        // cases, messages and notices are narrowed in their queries (LandlordIsolationTest); the
        // escalation's policy and runs and the holiday calendar stay staff's
        for (String staffOnly : new String[] {"/api/escalation/policy", "/api/escalation/runs/1", "/api/holidays"}) {
            assertThat(owner.get(staffOnly).status()).as(staffOnly).isEqualTo(403);
        }

        long landlords = jdbc.sql("SELECT count(*) FROM landlord").query(Long.class).single();
        assertThat(owner.postJson("/api/landlords", Map.of("name", "남의회사")).status()).isEqualTo(403);
        assertThat(owner.postCsv("/api/imports/payments", "x".getBytes()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM landlord").query(Long.class).single()).isEqualTo(landlords);
    }

    @Test
    @Order(3)
    void five_wrong_passwords_make_the_account_wait_15_minutes_then_the_right_one_opens_it() {
        Api wrong = api.as("seodong", "not-the-password");
        Api right = api.as("seodong", "landlord-password");
        Api.Response unknown = api.as("nobody", "whatever-password").get("/api/leases");
        for (int i = 0; i < SignInWaits.MAX_FAILURES; i++) {
            Api.Response r = wrong.get("/api/leases");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(unknown.body());
        }
        // waiting: the right password gets the answer of an unknown name, and so do further guesses
        assertThat(right.get("/api/leases").status()).isEqualTo(401);
        assertThat(right.get("/api/leases").body()).isEqualTo(unknown.body());
        for (int i = 0; i < 20; i++) {
            assertThat(wrong.get("/api/leases").status()).isEqualTo(401);
        }
        assertThat(new kr.fm.arrears.support.Browser(port).signIn("seodong", "landlord-password")).contains("/login?error");
        // the wait is audited once, not per attempt; the guesses before it each once
        assertThat(count("SIGN_IN_WAIT", "seodong")).isEqualTo(1);
        assertThat(count("LOGIN_FAILED", "seodong")).isEqualTo(SignInWaits.MAX_FAILURES);

        advance(java.time.Duration.ofMinutes(15));
        assertThat(right.get("/api/leases").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void a_repeat_waits_twice_as_long_and_an_admin_ends_a_wait_at_once() {
        Api wrong = api.as("seodong", "not-the-password");
        Api right = api.as("seodong", "landlord-password");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SignInWaits.MAX_FAILURES; i++) {
                assertThat(wrong.get("/api/leases").status()).isEqualTo(401);
            }
            if (round == 0) {
                advance(java.time.Duration.ofMinutes(15)); // the first wait is over; the next is 30 minutes
            }
        }
        advance(java.time.Duration.ofMinutes(29));
        assertThat(right.get("/api/leases").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE action = 'SIGN_IN_WAIT' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("\"minutes\":30");

        assertThat(api.as("seodong", "landlord-password").postJson("/api/users/seodong/unlock", Map.of()).status())
                .isEqualTo(401);
        assertThat(api.postJson("/api/users/seodong/unlock", Map.of()).status()).isEqualTo(204);
        assertThat(api.postJson("/api/users/nobody/unlock", Map.of()).status()).isEqualTo(404);
        assertThat(right.get("/api/leases").status()).isEqualTo(200);
        assertThat(count("ACCOUNT_UNLOCKED", "seodong")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void a_million_character_user_name_on_the_form_is_an_ordinary_failed_sign_in_stored_in_64_characters() {
        String huge = "x".repeat(1_000_000);
        assertThat(new kr.fm.arrears.support.Browser(port).signIn(huge, "whatever-password")).startsWith("302")
                .endsWith("/login?error");
        assertThat(jdbc.sql("SELECT max(length(actor)) FROM audit_event WHERE action = 'LOGIN_FAILED'").query(Integer.class)
                .single()).isEqualTo(SignInWaits.NAME_LENGTH);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND subject_id = ?")
                .param("x".repeat(SignInWaits.NAME_LENGTH)).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    private void advance(java.time.Duration d) {
        clock.set(clock.instant().plus(d).atZone(kr.fm.arrears.shared.BusinessTime.SEOUL).toLocalDateTime());
    }

    private long count(String action, String user) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_id = ?").params(action, user)
                .query(Long.class).single();
    }

    @Test
    @Order(6)
    void a_form_post_without_its_csrf_token_is_refused_and_with_it_signs_in() {
        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port).build();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", Api.ADMIN);
        form.add("password", Api.ADMIN_PASSWORD);
        int withoutToken = browser.post().uri("/login").contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).exchange((req, res) -> res.getStatusCode().value());
        assertThat(withoutToken).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN'").query(Long.class).single()).isZero();

        // as a browser does it: the sign-in page sets the session and carries the token in the form
        String location = new kr.fm.arrears.support.Browser(port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(location).startsWith("302").doesNotContain("error");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN' AND actor = 'admin'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Autowired org.springframework.transaction.PlatformTransactionManager txManager;
}
