package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** From a case's page a MANAGER sends a failed message again and records what the tenant will not receive. */
@ServiceTest
class CaseContactTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void a_failed_message_is_sent_again_and_the_tenants_opt_outs_are_set_from_the_case_page() {
        TwoLandlords two = portfolios.twoLandlords();
        jdbc.sql("UPDATE message SET state = 'FAILED', next_attempt_at = NULL, last_error = '3104 카카오톡 미사용자' WHERE id = ?")
                .param(two.messageB()).update();
        Browser kim = new Browser(port);
        kim.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        String page = "/cases/" + two.caseB();

        assertThat(kim.page(page).body()).contains("보내지 못한 메시지", "3104 카카오톡 미사용자", "id=\"resend-" + two.messageB() + "\"");
        assertThat(kim.postForm(page + "/messages/" + two.messageB() + "/resend", Map.of(), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("메시지를 다시 보낼 차례에 넣었습니다");
        assertThat(jdbc.sql("SELECT state || ' ' || resends FROM message WHERE id = ?").param(two.messageB())
                .query(String.class).single()).isEqualTo("QUEUED 1");
        assertThat(kim.postForm(page + "/messages/" + two.messageB() + "/resend", Map.of(), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).as("a queued one is not sent twice").contains("처리하지 못했습니다");

        assertThat(kim.postForm(page + "/opt-outs", Map.of("channels", "SMS", "reason", "전화로 문자 수신 거부"), true))
                .isEqualTo(302);
        assertThat(api.get("/api/tenants/" + two.tenantB() + "/opt-outs").body().get("channels").toString()).contains("SMS");
        assertThat(kim.page(page).body()).contains("value=\"SMS\" checked");
        assertThat(kim.postForm(page + "/opt-outs", Map.of("channels", "EMAIL"), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).as("a reason is required").contains("처리하지 못했습니다", "사유");

        Browser owner = new Browser(port);
        owner.signIn(TwoLandlords.OWNER_B, TwoLandlords.PASSWORD);
        assertThat(owner.page(page).body()).doesNotContain("opt-out-form");
        assertThat(owner.postForm(page + "/opt-outs", Map.of("reason", "x"), true)).as("staff only").isEqualTo(403);
    }
}
