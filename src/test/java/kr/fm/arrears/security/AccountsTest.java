package kr.fm.arrears.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team on an empty install: the ADMIN opens accounts with temporary passwords that must be changed
 * at the first sign-in, changes and deactivates them (a deactivated account's session and tokens stop
 * at once), resets passwords, and can never lock the service out of its last ADMIN. Every change is
 * audited.
 */
@ServiceTest
class AccountsTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired AuditVerifier auditVerifier;
    @LocalServerPort int port;

    @Test
    void a_new_manager_must_change_the_temporary_password_before_anything_else_pages_and_api_alike() {
        Api.Response opened = api.postJson("/api/users", Map.of("username", "kim", "role", "MANAGER", "displayName", "김담당"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String temporary = opened.body().get("temporaryPassword").asText();
        assertThat(temporary).hasSize(12);
        assertThat(opened.body().get("account").get("mustChangePassword").asBoolean()).isTrue();

        Api kim = api.as("kim", temporary);
        Api.Response refused = kim.get("/api/cases");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).contains("POST /api/me/password");
        assertThat(kim.get("/api/me").body().get("username").asText()).isEqualTo("kim");

        Browser browser = new Browser(port);
        browser.signIn("kim", temporary);
        assertThat(location(browser, "/board")).as("sent to the password page").endsWith("/account/password");
        assertThat(browser.page("/account/password").body()).contains("임시 비밀번호로 로그인했습니다");
        assertThat(browser.postForm("/account/password", Map.of("currentPassword", temporary,
                "newPassword", "kim-chosen-1", "newPasswordAgain", "kim-chosen-2"), true)).isEqualTo(302);
        assertThat(browser.page("/account/password").body()).as("two different new passwords change nothing")
                .contains("새 비밀번호가 서로 다릅니다", "임시 비밀번호로 로그인했습니다");
        assertThat(browser.postForm("/account/password", Map.of("currentPassword", temporary,
                "newPassword", "kim-chosen-1", "newPasswordAgain", "kim-chosen-1"), true)).isEqualTo(302);
        assertThat(browser.page("/board").status()).isEqualTo(200);
        assertThat(browser.page("/board").body()).doesNotContain("임시 비밀번호로 로그인했습니다");

        assertThat(api.as("kim", "kim-chosen-1").get("/api/cases").status()).isEqualTo(200);
        assertThat(api.as("kim", temporary).get("/api/cases").status()).isEqualTo(401);
        assertThat(audit("USER_CREATED", "kim")).isOne();
        assertThat(audit("PASSWORD_CHANGED", "kim")).isOne();
    }

    @Test
    void a_deactivated_account_is_signed_out_at_once_its_tokens_stop_and_it_can_be_reactivated() {
        api.postJson("/api/users", Map.of("username", "lee", "role", "MANAGER", "temporaryPassword", "lee-temp-pass"));
        api.as("lee", "lee-temp-pass").postJson("/api/me/password",
                Map.of("currentPassword", "lee-temp-pass", "newPassword", "lee-own-pass"));
        Browser browser = new Browser(port);
        browser.signIn("lee", "lee-own-pass");
        assertThat(browser.page("/board").status()).isEqualTo(200);
        String token = api.postJson("/api/users/lee/tokens", Map.of("name", "회계 연동")).body().get("token").asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).isEqualTo(200);

        Api.Response off = api.send(HttpMethod.PATCH, "/api/users/lee", Map.of(), Map.of("active", false));
        assertThat(off.status()).as(off.body().toString()).isEqualTo(200);
        assertThat(off.body().get("active").asBoolean()).isFalse();

        assertThat(api.as("lee", "lee-own-pass").get("/api/cases").status()).isEqualTo(401);
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).isEqualTo(401);
        assertThat(location(browser, "/board")).as("the open session ends").endsWith("/login?deactivated");
        assertThat(new Browser(port).signIn("lee", "lee-own-pass")).contains("/login?error");

        api.send(HttpMethod.PATCH, "/api/users/lee", Map.of(), Map.of("active", true));
        assertThat(api.as("lee", "lee-own-pass").get("/api/cases").status()).isEqualTo(200);
        assertThat(audit("USER_DEACTIVATED", "lee")).isOne();
        assertThat(audit("USER_REACTIVATED", "lee")).isOne();
    }

    @Test
    void wrong_accounts_are_refused_naming_the_field_and_the_last_admin_stays() {
        long users = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        Api.Response noLandlord = api.postJson("/api/users", Map.of("username", "owner", "role", "LANDLORD"));
        assertThat(noLandlord.status()).isEqualTo(422);
        assertThat(noLandlord.body().get("errors").get(0).get("field").asText()).isEqualTo("landlordId");
        Api.Response unknownLandlord = api.postJson("/api/users", Map.of("username", "owner", "role", "LANDLORD",
                "landlordId", 999_999));
        assertThat(unknownLandlord.status()).isEqualTo(422);
        assertThat(api.postJson("/api/users", Map.of("username", "admin", "role", "MANAGER")).status()).isEqualTo(409);
        assertThat(api.postJson("/api/users", Map.of("role", "MANAGER")).status()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(users);

        assertThat(api.send(HttpMethod.PATCH, "/api/users/admin", Map.of(), Map.of("active", false)).status()).isEqualTo(409);
        assertThat(api.send(HttpMethod.PATCH, "/api/users/admin", Map.of(), Map.of("role", "MANAGER")).status()).isEqualTo(409);
        assertThat(api.get("/api/me").body().get("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void a_reset_gives_a_new_temporary_password_and_a_token_can_expire() {
        api.postJson("/api/users", Map.of("username", "park", "role", "MANAGER", "temporaryPassword", "park-temp-pass"));
        api.as("park", "park-temp-pass").postJson("/api/me/password",
                Map.of("currentPassword", "park-temp-pass", "newPassword", "park-own-pass"));

        String reset = api.postJson("/api/users/park/password-reset", Map.of()).body().get("temporaryPassword").asText();
        assertThat(api.as("park", "park-own-pass").get("/api/me").status()).isEqualTo(401);
        assertThat(api.as("park", reset).get("/api/cases").status()).as("must change it first").isEqualTo(403);
        assertThat(audit("PASSWORD_RESET", "park")).isOne();

        clock.set(LocalDateTime.of(2026, 4, 15, 9, 0));
        assertThat(api.postJson("/api/users/park/tokens", Map.of("name", "지난 것", "expiresAt", "2026-04-01T00:00:00Z"))
                .status()).isEqualTo(422);
        String token = api.postJson("/api/users/admin/tokens", Map.of("name", "하루짜리", "expiresAt", "2026-04-16T00:00:00Z"))
                .body().get("token").asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).isEqualTo(200);
        clock.set(LocalDateTime.of(2026, 4, 16, 9, 1));
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).isEqualTo(401);
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Test
    void the_admin_opens_an_account_through_the_page_and_sees_its_temporary_password_once() {
        Browser admin = new Browser(port);
        admin.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(admin.page("/admin/users").body()).contains("새 계정", "admin");
        assertThat(admin.postForm("/admin/users", Map.of("username", "choi", "role", "MANAGER", "displayName", "최담당",
                "landlordId", ""), true)).isEqualTo(302);
        String after = admin.page("/admin/users").body();
        assertThat(after).contains("계정 choi을(를) 만들었습니다. 임시 비밀번호: ", "최담당", "임시 비밀번호");
        assertThat(admin.page("/admin/users").body()).as("shown once").doesNotContain("임시 비밀번호: ");

        // five wrong passwords make choi wait; the ADMIN ends the wait from choi's page
        String temporary = after.replaceAll("(?s).*임시 비밀번호: (\\S+) \\(.*", "$1");
        for (int i = 0; i < 5; i++) {
            assertThat(api.as("choi", "wrong-password-" + i).get("/api/me").status()).isEqualTo(401);
        }
        assertThat(api.as("choi", temporary).get("/api/me").status()).as("waiting").isEqualTo(401);
        assertThat(admin.page("/admin/users/choi").body()).contains("로그인 대기 풀기");
        assertThat(admin.postForm("/admin/users/choi/unlock", Map.of(), true)).isEqualTo(302);
        assertThat(api.as("choi", temporary).get("/api/me").status()).isEqualTo(200);
        assertThat(audit("ACCOUNT_UNLOCKED", "choi")).isOne();

        Browser owner = new Browser(port);
        api.postJson("/api/users", Map.of("username", "mgr-page", "role", "MANAGER", "temporaryPassword", "mgr-page-temp"));
        owner.signIn("mgr-page", "mgr-page-temp");
        assertThat(owner.postForm("/account/password", Map.of("currentPassword", "mgr-page-temp", "newPassword", "mgr-page-own",
                "newPasswordAgain", "mgr-page-own"), true)).isEqualTo(302);
        assertThat(location(owner, "/admin/users")).isNull();
        assertThat(owner.page("/admin/users").status()).as("only an ADMIN manages accounts").isEqualTo(403);
    }

    @Test
    void the_admin_issues_a_token_valid_through_a_date_from_the_account_page_sees_it_once_and_revokes_it() {
        clock.set(LocalDateTime.of(2026, 4, 15, 9, 0));
        api.postJson("/api/users", Map.of("username", "seo", "role", "MANAGER", "temporaryPassword", "seo-temp-pass"));
        api.as("seo", "seo-temp-pass").postJson("/api/me/password",
                Map.of("currentPassword", "seo-temp-pass", "newPassword", "seo-own-pass"));
        Browser admin = new Browser(port);
        admin.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(admin.page("/admin/users/seo").body()).contains("API 토큰", "이 계정의 API 토큰이 없습니다");

        assertThat(admin.postForm("/admin/users/seo/tokens", Map.of("name", " ", "validThrough", ""), true)).isEqualTo(302);
        assertThat(admin.page("/admin/users/seo").body()).as("refused, nothing issued")
                .contains("토큰 이름을 100자 이내로 입력하세요", "이 계정의 API 토큰이 없습니다");

        assertThat(admin.postForm("/admin/users/seo/tokens", Map.of("name", "회계 연동", "validThrough", "2026-04-30"), true))
                .isEqualTo(302);
        String shown = admin.page("/admin/users/seo").body();
        String token = shown.replaceAll("(?s).*API 토큰 회계 연동을\\(를\\) 만들었습니다: (arr_[A-Za-z0-9_-]+) .*", "$1");
        assertThat(token).startsWith("arr_");
        assertThat(shown).contains("2026-05-01 00:00까지", "사용 중");
        assertThat(admin.page("/admin/users/seo").body()).as("shown once").doesNotContain(token);

        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).isEqualTo(200);
        clock.set(LocalDateTime.of(2026, 4, 30, 23, 59));
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).as("the whole last day")
                .isEqualTo(200);

        long id = jdbc.sql("SELECT id FROM api_token WHERE name = '회계 연동'").query(Long.class).single();
        assertThat(admin.postForm("/admin/users/seo/tokens/" + id + "/revoke", Map.of(), true)).isEqualTo(302);
        assertThat(api.anonymous().send(HttpMethod.GET, "/api/cases", bearer, null).status()).isEqualTo(401);
        assertThat(admin.page("/admin/users/seo").body()).contains("폐기됨", "API 토큰을 폐기했습니다");
        assertThat(audit("API_TOKEN_ISSUED", "seo")).isOne();
        assertThat(audit("API_TOKEN_REVOKED", "seo")).isOne();
    }

    private static String location(Browser browser, String path) {
        return browser.exchange(path, Map.of()).headers().getFirst("Location");
    }

    private long audit(String action, String user) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_id = ?").params(action, user)
                .query(Long.class).single();
    }
}
