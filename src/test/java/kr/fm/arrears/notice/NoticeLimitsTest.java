package kr.fm.arrears.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import kr.fm.arrears.notice.internal.PdfRenderer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * One set of limits and a renderer nobody can monopolise (issue 12, row 6): the page and the API
 * refuse the same over-long or far-off notice, a preview is rendered once and then served, at most
 * two renders run at once and the next waits briefly, then gets 503; a LANDLORD's previews are rate-limited.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "arrears.notice.render.queue-timeout=PT0.5S")
class NoticeLimitsTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired PdfRenderer renderer;
    @Autowired TestClock clock;
    @Value("${local.server.port}") int port;

    TwoLandlords two;
    long draft;

    @BeforeAll
    void portfolio() {
        two = portfolios.twoLandlords();
        draft = jdbc.sql("""
                SELECT min(n.id) FROM notice n JOIN lease l ON l.id = n.lease_id
                WHERE n.kind = 'DEMAND' AND n.status = 'DRAFT' AND l.code LIKE 'HW-%'""").query(Long.class).single();
    }

    @Test
    void the_approval_page_and_the_api_refuse_the_same_oversized_notice_and_nothing_is_saved() {
        Browser kim = new Browser(port);
        kim.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        int versions = versions();
        String page = "/approvals/" + draft;
        assertThat(kim.postForm(page + "/edit", Map.of("body", "a".repeat(1_500_000)), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("본문은 4,000자 이하여야 합니다");
        assertThat(kim.postForm(page + "/edit", Map.of("subject", "제".repeat(5_000)), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("제목은 1~200자여야 합니다");
        assertThat(kim.postForm(page + "/edit", Map.of("deadlineDays", "90"), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("납부 기한은 1~60일이어야 합니다");
        assertThat(versions()).isEqualTo(versions);

        Api.Response refused = api.send(HttpMethod.POST, "/api/notices/" + draft + "/versions", TwoLandlords.AS_MANAGER,
                Map.of("subject", "제".repeat(5_000), "body", "가".repeat(4_001), "deadlineDays", 90));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("body", "deadlineDays", "subject");
        assertThat(versions()).isEqualTo(versions);

        // at the limits both accept: 60 days, 4,000 characters
        assertThat(kim.postForm(page + "/edit", Map.of("deadlineDays", "60", "body", "가".repeat(4_000)), true)).isEqualTo(302);
        assertThat(versions()).isEqualTo(versions + 1);
    }

    @Test
    void a_preview_is_rendered_once_then_served_and_when_both_render_slots_are_busy_the_next_gets_503() {
        String preview = "/api/notices/" + draft + "/preview";
        Api.Bytes first = api.getBytes(preview, TwoLandlords.AS_MANAGER);
        assertThat(first.status()).isEqualTo(200);
        long rendered = renderer.rendered();
        for (int i = 0; i < 3; i++) {
            Api.Bytes again = api.getBytes(preview, TwoLandlords.AS_MANAGER);
            assertThat(again.body()).isEqualTo(first.body());
        }
        assertThat(renderer.rendered()).isEqualTo(rendered);

        long other = jdbc.sql("SELECT min(id) FROM notice WHERE status = 'DRAFT' AND id <> ?").param(draft)
                .query(Long.class).single();
        try (PdfRenderer.Slot a = renderer.acquire(); PdfRenderer.Slot b = renderer.acquire()) {
            Api.Bytes busy = api.getBytes("/api/notices/" + other + "/preview", TwoLandlords.AS_MANAGER);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            // what was rendered before is still served while the renderer is busy
            assertThat(api.getBytes(preview, TwoLandlords.AS_MANAGER).status()).isEqualTo(200);
        }
        assertThat(api.getBytes("/api/notices/" + other + "/preview", TwoLandlords.AS_MANAGER).status()).isEqualTo(200);
    }

    @Test
    void a_landlord_may_preview_ten_times_a_minute_then_waits_for_the_minute() {
        Map<String, String> ownerA = Api.signedInAs(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        String preview = "/api/notices/" + draft + "/preview";
        for (int i = 0; i < 10; i++) {
            assertThat(api.getBytes(i % 2 == 0 ? preview : preview + ".html", ownerA).status()).isEqualTo(200);
        }
        Api.Bytes limited = api.getBytes(preview, ownerA);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        // staff are not limited: reviewing previews is their work
        assertThat(api.getBytes(preview, TwoLandlords.AS_MANAGER).status()).isEqualTo(200);
        clock.set(clock.instant().plus(Duration.ofMinutes(1)).atZone(kr.fm.arrears.shared.BusinessTime.SEOUL).toLocalDateTime());
        assertThat(api.getBytes(preview, ownerA).status()).isEqualTo(200);
    }

    private int versions() {
        JsonNode n = api.get("/api/notices/" + draft).body();
        return n.get("notice").get("version").asInt();
    }
}
