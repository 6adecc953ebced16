package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.SignInWaits;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may open and post what through the pages: one landlord finds nothing of another's, a
 * landlord cannot approve, a form without its CSRF token is refused and changes nothing.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAuthorizationTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    TwoLandlords two;
    /** landlord A's termination notice of HW-302, consented and waiting for approval */
    long pendingA;

    @BeforeAll
    void portfolio() {
        two = portfolios.twoLandlords();
        pendingA = portfolios.pendingTermination("HW-302");
    }

    @Test
    void a_landlord_finds_nothing_of_another_landlords_buildings_cases_and_notices() {
        Browser ownerA = signedIn(TwoLandlords.OWNER_A);
        long ownCase = portfolios.openCase("HW-101");

        assertThat(ownerA.get("/cases/" + ownCase)).isEqualTo(200);
        Browser.Page other = ownerA.page("/cases/" + two.caseB());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("찾을 수 없습니다").doesNotContain("그린팩토리");
        assertThat(ownerA.get("/cases/999999")).isEqualTo(404);
        assertThat(ownerA.page("/cases/abc").body()).contains("찾을 수 없습니다");
        Browser.Page badDate = ownerA.page("/history?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("입력값을 확인하세요: from");
        for (String path : new String[] {"/api/notices/" + two.noticeB(), "/api/notices/" + two.noticeB() + "/pdf",
                "/api/notices/" + two.noticeB() + "/pdf?download=1", "/api/notices/" + two.noticeB() + "/preview",
                "/api/notices/" + two.noticeB() + "/preview.html", "/api/cases/" + two.caseB()}) {
            assertThat(ownerA.page(path).status()).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/approvals", "/approvals/" + two.noticeB(), "/approvals/" + pendingA}) {
            Browser.Page page = ownerA.page(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("권한이 없습니다");
        }
        // filtering by the other landlord's building shows nothing of it
        for (String path : new String[] {"/board?buildingId=" + two.buildingB(), "/history?buildingId=" + two.buildingB(),
                "/history?tenantId=" + two.tenantB(), "/board", "/history"}) {
            Browser.Page page = ownerA.page(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("그린팩토리").doesNotContain("서동");
        }
        assertThat(ownerA.postForm("/cases/" + two.caseB() + "/pause", Map.of("until", "2026-06-01", "reason", "x"), true))
                .isEqualTo(403);
        assertThat(api.get("/api/cases/" + two.caseB()).body().get("paused").asBoolean()).isFalse();
    }

    @Test
    void a_landlord_cannot_approve_even_with_a_valid_form() {
        Browser ownerA = signedIn(TwoLandlords.OWNER_A);

        assertThat(ownerA.postForm("/approvals/" + pendingA + "/approve", Map.of(), true)).isEqualTo(403);
        assertThat(ownerA.postForm("/approvals/" + pendingA + "/reject", Map.of("reason", "싫어요"), true)).isEqualTo(403);
        assertThat(status(pendingA)).isEqualTo("PENDING_APPROVAL");
        long ownCase = portfolios.openCase("HW-101");
        assertThat(ownerA.postForm("/cases/" + ownCase + "/pause", Map.of("until", "2026-06-01", "reason", "x"), true))
                .isEqualTo(403);
        assertThat(api.get("/api/cases/" + ownCase).body().get("paused").asBoolean()).isFalse();
        // nor start an escalation run from its page
        long runs = jdbc.sql("SELECT count(*) FROM escalation_run").query(Long.class).single();
        assertThat(ownerA.page("/runs").status()).isEqualTo(403);
        assertThat(ownerA.postForm("/runs", Map.of("businessDate", "2026-05-01", "dryRun", "true"), true)).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM escalation_run").query(Long.class).single()).isEqualTo(runs);
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing() {
        Browser manager = signedIn(TwoLandlords.MANAGER);
        long hwCase = portfolios.openCase("HW-301");

        assertThat(manager.postForm("/cases/" + hwCase + "/pause", Map.of("until", "2026-06-01", "reason", "분쟁"), false))
                .isEqualTo(403);
        assertThat(manager.postForm("/approvals/" + pendingA + "/reject", Map.of("reason", "금액 확인"), false)).isEqualTo(403);
        assertThat(manager.postForm("/logout", Map.of(), false)).isEqualTo(403);
        assertThat(api.get("/api/cases/" + hwCase).body().get("paused").asBoolean()).isFalse();
        assertThat(status(pendingA)).isEqualTo("PENDING_APPROVAL");

        // the same form with its token goes through: the refusal was the missing token
        assertThat(manager.postForm("/cases/" + hwCase + "/pause", Map.of("until", "2026-06-01", "reason", "분쟁"), true))
                .isEqualTo(302);
        assertThat(api.get("/api/cases/" + hwCase).body().get("pausedUntil").asText()).isEqualTo("2026-06-01");
    }

    @Test
    void an_unknown_name_a_wrong_password_and_a_waiting_account_read_the_same_on_the_sign_in_page() {
        users.create("park", TwoLandlords.PASSWORD, Role.MANAGER, null, "박담당", Viewer.SYSTEM_NAME);
        Browser stranger = new Browser(port);
        assertThat(stranger.signIn("nobody-here", "wrong-password")).endsWith("/login?error");
        String unknown = loginError(stranger.page("/login?error").body());
        assertThat(unknown).contains("아이디 또는 비밀번호가 맞지 않습니다");

        Browser browser = new Browser(port);
        for (int i = 0; i < SignInWaits.MAX_FAILURES; i++) {
            assertThat(browser.signIn("park", "wrong-password")).endsWith("/login?error");
            assertThat(loginError(browser.page("/login?error").body())).isEqualTo(unknown);
        }
        // now waiting: even the right password gets the very same answer
        assertThat(browser.signIn("park", TwoLandlords.PASSWORD)).endsWith("/login?error");
        assertThat(loginError(browser.page("/login?error").body())).isEqualTo(unknown);
    }

    private static String loginError(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p[^>]*id=\"login-error\"[^>]*>([^<]*)</p>").matcher(html);
        assertThat(m.find()).as("the sign-in page shows an error").isTrue();
        return m.group(1);
    }

    private Browser signedIn(String user) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user, TwoLandlords.PASSWORD)).startsWith("302").doesNotContain("error");
        return browser;
    }

    private String status(long notice) {
        return api.get("/api/notices/" + notice).body().get("notice").get("status").asText();
    }
}
