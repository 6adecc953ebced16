package kr.fm.arrears.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The three chains as a caller meets them (issue 12, rows 5 and 9): a page session never writes
 * without its CSRF token whatever headers come along; integrations with their own credentials need
 * none; nothing in production runs on a default; pages carry a CSP and send no referrer abroad.
 */
@ServiceTest
class SecurityChainsTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void a_signed_in_session_writes_nothing_without_its_csrf_token_whatever_authorization_header_comes_with_it() {
        Browser admin = new Browser(port);
        assertThat(admin.signIn(Api.ADMIN, Api.ADMIN_PASSWORD)).doesNotContain("error");
        long landlords = count("landlord");
        String json = "{\"name\":\"위조된 임대인\",\"businessNo\":\"220-81-62517\",\"phone\":\"031-355-1200\"}";
        String basic = Api.signedInAs(Api.ADMIN, Api.ADMIN_PASSWORD).get("Authorization");
        for (String authorization : List.of("Foo", "Bearer", "Basic", basic)) {
            assertThat(admin.postJsonWithoutToken("/api/landlords", json, Map.of("Authorization", authorization)))
                    .as(authorization).isIn(401, 403);
            // a page form the same way: the session stays signed in, the token was what was missing
            assertThat(admin.postForm("/logout", Map.of(), false, Map.of("Authorization", authorization))).isEqualTo(403);
        }
        assertThat(count("landlord")).isEqualTo(landlords);
        assertThat(admin.page("/board").status()).isEqualTo(200);

        // an integration with its own credentials and no session needs no token; a browser posting for
        // another site says so (Sec-Fetch-Site) and is refused even with remembered Basic credentials
        assertThat(api.postJson("/api/landlords", Map.of("name", "연동 임대인", "businessNo", "220-81-62517",
                "phone", "031-355-1200")).status()).isEqualTo(201);
        assertThat(api.send(org.springframework.http.HttpMethod.POST, "/api/landlords", Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("name", "교차 사이트", "phone", "031-355-1200")).status()).isEqualTo(403);
        assertThat(count("landlord")).isEqualTo(landlords + 1);
    }

    @Test
    void the_api_and_the_webhook_never_make_a_session() {
        org.springframework.web.client.RestClient http = org.springframework.web.client.RestClient.create("http://localhost:" + port);
        for (String path : List.of("/api/landlords", "/api/messaging/receipts", "/api/leases")) {
            String cookie = http.post().uri(path).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("{}")
                    .exchange((req, res) -> res.getHeaders().getFirst("Set-Cookie"));
            assertThat(cookie).as(path).isNull();
        }
        assertThat(api.get("/api/leases").status()).isEqualTo(200);
    }

    @Test
    void health_details_are_for_signed_in_staff_and_every_answer_carries_a_csp_and_same_origin_referrers() {
        Api.Response anonymous = api.anonymous().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(api.get("/actuator/health").body().path("components").has("diskSpace")).isTrue();

        Browser admin = new Browser(port);
        admin.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(admin.exchange("/actuator/health", Map.of()).body()).contains("diskSpace");
        for (String path : List.of("/login", "/board", "/api/leases", "/actuator/health")) {
            Browser.Answer a = admin.exchange(path, Map.of());
            assertThat(a.headers().getFirst("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(a.headers().getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
        // the board's building filter works without an inline handler: its script is a file of ours
        String board = admin.page("/board").body();
        assertThat(board).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("<script>").contains("src=\"/js/board.js\"");
        assertThat(admin.exchange("/js/board.js", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void behind_the_tls_proxy_the_session_cookie_is_secure_and_always_same_site_lax() {
        Browser.Answer viaProxy = new Browser(port).exchange("/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(viaProxy.headers().getFirst("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
        Browser.Answer plain = new Browser(port).exchange("/login", Map.of());
        assertThat(plain.headers().getFirst("Set-Cookie")).contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void outside_the_demo_profile_live_messaging_with_the_shipped_webhook_secret_does_not_start() {
        for (String secret : new String[] {"change-me", "", "  "}) {
            MockEnvironment live = new MockEnvironment().withProperty("arrears.messaging.mode", "live")
                    .withProperty("arrears.messaging.webhook.secret", secret);
            assertThatThrownBy(() -> ProductionDefaults.check(live)).hasMessageContaining("ARREARS_MESSAGING_WEBHOOK_SECRET");
        }
        ProductionDefaults.check(company(new MockEnvironment().withProperty("arrears.messaging.mode", "live")
                .withProperty("arrears.messaging.webhook.secret", "agreed-with-the-provider")));
        ProductionDefaults.check(new MockEnvironment().withProperty("arrears.messaging.mode", "demo")
                .withProperty("arrears.messaging.webhook.secret", "change-me"));
        MockEnvironment demo = new MockEnvironment().withProperty("arrears.messaging.mode", "live");
        demo.setActiveProfiles("demo");
        ProductionDefaults.check(demo);
    }

    @Test
    void outside_the_demo_profile_live_messaging_without_the_management_company_or_with_a_placeholder_sender_does_not_start() {
        for (String missing : new String[] {"arrears.company.name", "arrears.company.phone", "arrears.company.contact",
                "arrears.messaging.email.from"}) {
            MockEnvironment live = company(new MockEnvironment().withProperty("arrears.messaging.mode", "live")
                    .withProperty("arrears.messaging.webhook.secret", "agreed-with-the-provider"));
            live.setProperty(missing, " ");
            assertThatThrownBy(() -> ProductionDefaults.check(live)).as(missing).hasMessageContaining(missing);
        }
        MockEnvironment placeholder = company(new MockEnvironment().withProperty("arrears.messaging.mode", "live")
                .withProperty("arrears.messaging.webhook.secret", "agreed-with-the-provider"));
        placeholder.setProperty("arrears.messaging.email.from", "no-reply@arrears.example");
        assertThatThrownBy(() -> ProductionDefaults.check(placeholder)).hasMessageContaining("ARREARS_MAIL_FROM");
    }

    private static MockEnvironment company(MockEnvironment env) {
        return env.withProperty("arrears.company.name", "(주)새봄공장관리").withProperty("arrears.company.phone", "031-8000-1234")
                .withProperty("arrears.company.contact", "오세진 대리").withProperty("arrears.messaging.email.from", "arrears@saebom-fm.co.kr");
    }

    @Test
    void a_generated_admin_password_goes_to_a_file_only_its_owner_may_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets").resolve("initial-admin-password");
        InitialAdmin.writeOwnerOnly(file, "generated-secret");
        assertThat(Files.readString(file)).isEqualTo("generated-secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
