package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A termination notice ends the landlord's lease, so it waits for their consent: the landlord gives it
 * from the home page, seeing the notice, and sees only their own notices there; the deposit each
 * tenant's arrears leave is on the same page.
 */
@ServiceTest
class PortalConsentTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void the_landlord_consents_to_a_termination_from_the_home_page_and_another_landlord_sees_none_of_it() {
        portfolios.twoLandlords();
        List<Long> drafts = jdbc.sql("""
                SELECT n.id FROM notice n JOIN lease l ON l.id = n.lease_id JOIN building b ON b.id = l.building_id
                JOIN landlord ll ON ll.id = b.landlord_id
                WHERE n.kind = 'TERMINATION' AND n.status = 'DRAFT' AND ll.name = '한울산업개발' ORDER BY n.id""")
                .query(Long.class).list();
        assertThat(drafts).isNotEmpty();
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
}
