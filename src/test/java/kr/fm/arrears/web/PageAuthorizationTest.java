package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may open and post what through the pages: one landlord finds nothing of another's, a
 * landlord cannot approve, a form without its CSRF token is refused and changes nothing.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAuthorizationTest {

    @Autowired
    Api api;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    Map<String, Long> leases;
    long hanulNotice;
    long seodongNotice;

    @BeforeAll
    void portfolio() {
        // 15 May 2026: HW-101 and SD-B12 each have a notice drafted
        leases = PortalFixtures.portfolio(api, users, jdbc, LocalDate.of(2026, 5, 15));
        hanulNotice = PortalFixtures.submitted(api, leases.get("HW-101"));
        seodongNotice = PortalFixtures.submitted(api, leases.get("SD-B12"));
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + seodongNotice + "/approve",
                Api.signedInAs(PortalFixtures.MANAGER, PortalFixtures.PASSWORD), null).status()).isEqualTo(200);
    }

    @Test
    void a_landlord_finds_nothing_of_another_landlords_buildings_cases_and_notices() {
        Browser hanul = signedIn(PortalFixtures.HANUL);
        long ownCase = PortalFixtures.openCase(jdbc, leases.get("HW-101"));
        long otherCase = PortalFixtures.openCase(jdbc, leases.get("SD-B12"));
        long otherBuilding = jdbc.sql("SELECT building_id FROM lease WHERE id = ?").param(leases.get("SD-B12"))
                .query(Long.class).single();

        assertThat(hanul.get("/cases/" + ownCase)).isEqualTo(200);
        Browser.Page other = hanul.page("/cases/" + otherCase);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("찾을 수 없습니다").doesNotContain("그린팩토리");
        assertThat(hanul.get("/cases/999999")).isEqualTo(404);
        for (String path : new String[] {"/api/notices/" + seodongNotice, "/api/notices/" + seodongNotice + "/pdf",
                "/api/notices/" + seodongNotice + "/pdf?download=1", "/api/notices/" + seodongNotice + "/preview",
                "/api/cases/" + otherCase}) {
            assertThat(hanul.page(path).status()).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/approvals", "/approvals/" + seodongNotice, "/approvals/" + hanulNotice}) {
            Browser.Page page = hanul.page(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("권한이 없습니다");
        }
        // filtering by the other landlord's building shows nothing of it
        for (String path : new String[] {"/board?buildingId=" + otherBuilding, "/history?buildingId=" + otherBuilding,
                "/board", "/history"}) {
            Browser.Page page = hanul.page(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("그린팩토리").doesNotContain("서동");
        }
        assertThat(hanul.postForm("/cases/" + otherCase + "/pause", Map.of("until", "2026-06-01", "reason", "x"), true))
                .isEqualTo(403);
        assertThat(api.get("/api/cases/" + otherCase).body().get("paused").asBoolean()).isFalse();
    }

    @Test
    void a_landlord_cannot_approve_even_with_a_valid_form() {
        Browser hanul = signedIn(PortalFixtures.HANUL);

        assertThat(hanul.postForm("/approvals/" + hanulNotice + "/approve", Map.of(), true)).isEqualTo(403);
        assertThat(hanul.postForm("/approvals/" + hanulNotice + "/reject", Map.of("reason", "싫어요"), true)).isEqualTo(403);
        assertThat(status(hanulNotice)).isEqualTo("PENDING_APPROVAL");
        long ownCase = PortalFixtures.openCase(jdbc, leases.get("HW-101"));
        assertThat(hanul.postForm("/cases/" + ownCase + "/pause", Map.of("until", "2026-06-01", "reason", "x"), true))
                .isEqualTo(403);
        assertThat(api.get("/api/cases/" + ownCase).body().get("paused").asBoolean()).isFalse();
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing() {
        Browser kim = signedIn(PortalFixtures.MANAGER);
        long hwCase = PortalFixtures.openCase(jdbc, leases.get("HW-301"));

        assertThat(kim.postForm("/cases/" + hwCase + "/pause", Map.of("until", "2026-06-01", "reason", "분쟁"), false))
                .isEqualTo(403);
        assertThat(kim.postForm("/approvals/" + hanulNotice + "/reject", Map.of("reason", "금액 확인"), false)).isEqualTo(403);
        assertThat(kim.postForm("/logout", Map.of(), false)).isEqualTo(403);
        assertThat(api.get("/api/cases/" + hwCase).body().get("paused").asBoolean()).isFalse();
        assertThat(status(hanulNotice)).isEqualTo("PENDING_APPROVAL");

        // the same form with its token goes through: the refusal was the missing token
        assertThat(kim.postForm("/cases/" + hwCase + "/pause", Map.of("until", "2026-06-01", "reason", "분쟁"), true))
                .isEqualTo(302);
        assertThat(api.get("/api/cases/" + hwCase).body().get("pausedUntil").asText()).isEqualTo("2026-06-01");
    }

    @Test
    void a_wrong_password_and_a_locked_account_are_told_apart_on_the_sign_in_page() {
        users.create("park", PortalFixtures.PASSWORD, Role.MANAGER, null, "박담당", Actor.SYSTEM);
        Browser browser = new Browser(port);
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            assertThat(browser.signIn("park", "wrong-password")).endsWith("/login?error");
            if (i == 0) {
                assertThat(browser.page("/login?error").body()).contains("아이디 또는 비밀번호가 맞지 않습니다");
            }
        }
        assertThat(browser.signIn("park", PortalFixtures.PASSWORD)).endsWith("/login?error");
        assertThat(browser.page("/login?error").body()).contains("계정이 잠겼습니다");
    }

    private Browser signedIn(String user) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user, PortalFixtures.PASSWORD)).startsWith("302").doesNotContain("error");
        return browser;
    }

    private String status(long notice) {
        return api.get("/api/notices/" + notice).body().get("notice").get("status").asText();
    }
}
