package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
 * A termination notice ends the landlord's lease, so it waits for their consent: the landlord gives it
 * from the home page, seeing the notice, or refuses it with a reason, and sees only their own notices
 * there; the deposit each tenant's arrears leave is on the same page.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalConsentTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    /** landlord A's termination drafts (HW-301, HW-302): the first is consented to, the last refused */
    List<Long> drafts;

    @BeforeAll
    void portfolio() {
        portfolios.twoLandlords();
        drafts = jdbc.sql("""
                SELECT n.id FROM notice n JOIN lease l ON l.id = n.lease_id JOIN building b ON b.id = l.building_id
                JOIN landlord ll ON ll.id = b.landlord_id
                WHERE n.kind = 'TERMINATION' AND n.status = 'DRAFT' AND ll.name = '한울산업개발' ORDER BY n.id""")
                .query(Long.class).list();
        assertThat(drafts).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void the_landlord_consents_to_a_termination_from_the_home_page_and_another_landlord_sees_none_of_it() {
        Browser owner = new Browser(port);
        owner.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);

        String home = owner.page("/").body();
        assertThat(home).contains("동의가 필요한 해지 통지서", "/api/notices/" + drafts.get(0) + "/preview.html",
                "id=\"consent-" + drafts.get(0) + "\"", "보증금으로 남는 금액");
        assertThat(owner.postForm("/portal/notices/" + drafts.get(0) + "/consent", Map.of(), true)).isEqualTo(302);
        assertThat(owner.page("/").body()).contains("해지 통지서 발송에 동의했습니다")
                .doesNotContain("id=\"consent-" + drafts.get(0) + "\"");
        assertThat(jdbc.sql("SELECT landlord_consent_by FROM notice WHERE id = ?").param(drafts.get(0)).query(String.class)
                .single()).isEqualTo(TwoLandlords.OWNER_A);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action LIKE 'NOTICE_CONSENT%'")
                .param(String.valueOf(drafts.get(0))).query(Long.class).single()).isOne();

        Browser other = new Browser(port);
        other.signIn(TwoLandlords.OWNER_B, TwoLandlords.PASSWORD);
        assertThat(other.page("/").body()).doesNotContain("/api/notices/" + drafts.get(0) + "/preview.html");
        assertThat(other.postForm("/portal/notices/" + drafts.get(1 % drafts.size()) + "/consent", Map.of(), true))
                .as("another landlord's notice is not found").isEqualTo(404);
        assertThat(owner.postForm("/portal/notices/" + drafts.get(0) + "/consent", Map.of(), false))
                .as("no CSRF token, nothing changes").isEqualTo(403);
    }

    @Test
    void the_landlord_refuses_a_termination_with_a_reason_and_it_goes_back_to_the_manager() {
        long refused = drafts.get(drafts.size() - 1);
        Browser owner = new Browser(port);
        owner.signIn(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD);
        assertThat(owner.page("/").body()).contains("id=\"refusal-" + refused + "\"", "동의하지 않음");

        // no reason: refused, and nothing changes
        assertThat(owner.postForm("/portal/notices/" + refused + "/refusal", Map.of("reason", " "), true)).isEqualTo(302);
        assertThat(owner.page("/").body()).contains("처리하지 못했습니다", "동의하지 않는 이유를 적어 주세요");
        assertThat(status(refused)).isEqualTo("DRAFT");
        Browser other = new Browser(port);
        other.signIn(TwoLandlords.OWNER_B, TwoLandlords.PASSWORD);
        assertThat(other.postForm("/portal/notices/" + refused + "/refusal", Map.of("reason", "남의 건"), true))
                .as("another landlord's notice is not found").isEqualTo(404);

        String why = "임차인과 분할 납부를 협의하고 있어 이번 달에는 해지하지 않겠습니다";
        assertThat(owner.postForm("/portal/notices/" + refused + "/refusal", Map.of("reason", why), true)).isEqualTo(302);
        assertThat(owner.page("/").body()).contains("동의하지 않았습니다").doesNotContain("id=\"refusal-" + refused + "\"");
        assertThat(status(refused)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE subject_id = ? AND action = 'NOTICE_CONSENT_REFUSED'")
                .param(String.valueOf(refused)).query(String.class).single()).isEqualTo(why);

        // back to the manager: in the queue with the landlord's reason, not approvable, the reason on the case timeline
        Browser manager = new Browser(port);
        manager.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        assertThat(manager.page("/approvals").body()).contains(why);
        assertThat(api.send(org.springframework.http.HttpMethod.POST, "/api/notices/" + refused + "/approve",
                TwoLandlords.AS_MANAGER, null).status()).isEqualTo(409);
        long caseId = jdbc.sql("SELECT case_id FROM notice WHERE id = ?").param(refused).query(Long.class).single();
        assertThat(manager.page("/cases/" + caseId).body()).contains("계약 해지 통지서 · 반려됨", why);

        // an edit makes a new draft, which asks the landlord again
        assertThat(manager.postForm("/approvals/" + refused + "/edit", Map.of("deadlineDays", "13"), true)).isEqualTo(302);
        assertThat(status(refused)).isEqualTo("DRAFT");
        assertThat(owner.page("/").body()).contains("id=\"consent-" + refused + "\"");
    }

    private String status(long notice) {
        return jdbc.sql("SELECT status FROM notice WHERE id = ?").param(notice).query(String.class).single();
    }
}
