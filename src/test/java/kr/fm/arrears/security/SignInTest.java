package kr.fm.arrears.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Examples;
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

/** Who may do what: roles, lock-out after repeated failures, CSRF on forms, audited sign-ins. */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest {

    @Autowired
    Api api;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    @Test
    @Order(1)
    void without_credentials_the_api_answers_401_as_a_problem() {
        Api.Response r = api.anonymous().get("/api/leases");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("title").asText()).isEqualTo("Unauthorized");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        // nobody anonymous may report a certified notice delivered: without credentials a POST is a
        // browser's, and without its CSRF token it is refused before anything else
        assertThat(api.anonymous().postJson("/api/notices/postal/deliveries",
                Map.of("receiptNo", "R-1", "status", "DELIVERED")).status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void a_landlord_sees_only_their_own_buildings_and_may_not_change_anything() {
        api.postCsv("/api/imports/leases", Examples.leases());
        long seodong = jdbc.sql("SELECT id FROM landlord WHERE name = '서동산업(주)'").query(Long.class).single();
        long otherLease = jdbc.sql("SELECT id FROM lease WHERE code = 'HW-101'").query(Long.class).single();
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                users.create("seodong", "landlord-password", Role.LANDLORD, seodong, "서동산업", Actor.SYSTEM));
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
    void five_wrong_passwords_lock_the_account_and_the_right_one_no_longer_opens_it() {
        Api wrong = api.as("seodong", "not-the-password");
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            Api.Response r = wrong.get("/api/leases");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body().get("title").asText()).isEqualTo("Unauthorized");
        }
        assertThat(api.as("seodong", "landlord-password").get("/api/leases").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT locked FROM app_user WHERE username = 'seodong'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED' AND subject_id = 'seodong'")
                .query(Long.class).single()).isEqualTo(1);
        // the right password through the sign-in form does not open it either, nor reset the count
        assertThat(new kr.fm.arrears.support.Browser(port).signIn("seodong", "landlord-password")).contains("/login?error");
        assertThat(api.as("seodong", "landlord-password").get("/api/leases").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT locked AND failed_attempts >= 5 FROM app_user WHERE username = 'seodong'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    @Order(4)
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

    @Autowired
    org.springframework.transaction.PlatformTransactionManager txManager;
}
