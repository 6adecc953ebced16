package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.Portfolios.TwoLandlords;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.notice.PdfPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval page's forms: a rejection needs a reason, an edit is a new version (a rejected one
 * goes back for approval, a pending one keeps waiting), and whoever edited it may not approve it
 * (four eyes). Refusals show on the page
 * and change nothing.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalsPageTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired Users users;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @BeforeAll
    void portfolio() {
        portfolios.twoLandlords();
        tx.executeWithoutResult(s -> users.create("lee", TwoLandlords.PASSWORD, Role.MANAGER, null, "이담당", Viewer.SYSTEM_NAME));
    }

    @Test
    void a_rejected_notice_is_edited_resubmitted_and_approved_by_another_manager() {
        long id = portfolios.pendingTermination("HW-302");
        String page = "/approvals/" + id;
        Browser kim = new Browser(port);
        kim.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);

        assertThat(kim.postForm(page + "/reject", Map.of("reason", " "), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("처리하지 못했습니다", "reason");
        assertThat(notice(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        assertThat(kim.postForm(page + "/reject", Map.of("reason", "보증금 공제 문구 확인 필요"), true)).isEqualTo(302);
        assertThat(kim.page("/approvals").body()).contains("반려했습니다", "보증금 공제 문구 확인 필요");
        assertThat(notice(id).get("status").asText()).isEqualTo("REJECTED");

        assertThat(kim.postForm(page + "/edit", Map.of("subject", "임대차계약 해지 통지서", "deadlineDays", "10",
                "body", "", "consequences", ""), true)).isEqualTo(302);
        JsonNode edited = notice(id);
        assertThat(edited.get("status").asText()).isEqualTo("DRAFT");
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(kim.page(page).body()).contains("버전 2", "value=\"10\"");
        // the landlord consented to the rejected wording, not to this one
        assertThat(kim.page(page).body()).contains("아직 없음 (승인 전에 필요)");
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + id + "/consent",
                Api.signedInAs(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD), null).status()).isEqualTo(200);

        assertThat(kim.postForm(page + "/submit", Map.of(), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("승인 요청했습니다");
        assertThat(kim.postForm(page + "/approve", Map.of(), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("처리하지 못했습니다", "다른 담당자가 승인해야 합니다");
        assertThat(notice(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        Browser lee = new Browser(port);
        lee.signIn("lee", TwoLandlords.PASSWORD);
        assertThat(lee.postForm(page + "/approve", Map.of(), true)).isEqualTo(302);
        assertThat(lee.page("/approvals").body()).contains("승인했습니다");
        JsonNode approved = notice(id);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("lee");
    }

    @Test
    void a_notice_waiting_for_approval_is_edited_from_the_queue_and_another_manager_approves_the_new_wording() {
        long id = jdbc.sql("""
                SELECT min(n.id) FROM notice n JOIN lease l ON l.id = n.lease_id
                WHERE n.kind = 'DEMAND' AND n.status = 'DRAFT' AND l.code LIKE 'HW-%'""").query(Long.class).single();
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + id + "/submit", TwoLandlords.AS_MANAGER, null).status())
                .isEqualTo(200);
        String page = "/approvals/" + id;
        Browser kim = new Browser(port);
        kim.signIn(TwoLandlords.MANAGER, TwoLandlords.PASSWORD);
        // the form beside approve / reject holds the current wording
        assertThat(kim.page(page).body()).contains("id=\"approve\"", "id=\"edit-form\"",
                "value=\"연체 차임 등 지급 최고서\"", "value=\"7\"", "/api/notices/" + id + "/preview.html", "PDF로 보기");

        assertThat(kim.postForm(page + "/edit", Map.of("subject", "연체 차임 및 관리비 지급 최고서", "deadlineDays", "7",
                "body", "", "consequences", ""), true)).isEqualTo(302);
        JsonNode edited = notice(id);
        assertThat(edited.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(edited.get("lastEditor").asText()).isEqualTo(TwoLandlords.MANAGER);
        assertThat(kim.page(page).body()).contains("버전 2", "승인 대기 중이며", "value=\"연체 차임 및 관리비 지급 최고서\"");

        assertThat(kim.postForm(page + "/approve", Map.of(), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("처리하지 못했습니다", "다른 담당자가 승인해야 합니다");
        assertThat(notice(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        Browser lee = new Browser(port);
        lee.signIn("lee", TwoLandlords.PASSWORD);
        assertThat(lee.postForm(page + "/approve", Map.of(), true)).isEqualTo(302);
        assertThat(notice(id).get("status").asText()).isEqualTo("APPROVED");
        Api.Bytes sealed = api.getBytes("/api/notices/" + id + "/pdf", Map.of());
        assertThat(sealed.status()).isEqualTo(200);
        assertThat(PdfPages.read(sealed.body()).text()).contains("연체 차임 및 관리비 지급 최고서")
                .doesNotContain("연체 차임 등 지급 최고서");
    }

    private JsonNode notice(long id) {
        return api.get("/api/notices/" + id).body().get("notice");
    }
}
