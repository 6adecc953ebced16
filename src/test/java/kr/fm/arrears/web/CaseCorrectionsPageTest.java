package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Browser;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From a case's page a MANAGER corrects the ledger, each form with a reason; the owner sees the page without
 * the forms and may not post them. The lease is {@link Portfolios#lease}'s default (1,210,000 a month due on
 * the 10th from March), escalated on 15 April 2026 with March and April unpaid: 2,420,000원 overdue.
 */
@ServiceTest
class CaseCorrectionsPageTest {

    static final String PASSWORD = "case-corrections-password";

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void a_manager_cancels_a_charge_and_raises_the_rent_from_the_case_page_and_the_owner_only_looks() {
        Portfolios.Given given = portfolios.given().lease(Portfolios.lease("CP-101").unit("101"))
                .manager("kim", PASSWORD, "김관리").landlordAccount("hanul-owner", PASSWORD, Portfolios.HANUL.name(), "한울산업개발")
                .escalatedOn(LocalDate.of(2026, 4, 15)).make();
        long lease = given.leaseId("CP-101");
        String page = "/cases/" + given.onlyCase("CP-101");
        long aprilFee = jdbc.sql("SELECT id FROM charge WHERE lease_id = ? AND kind = 'MANAGEMENT_FEE' AND period = '2026-04-01'")
                .param(lease).query(Long.class).single();
        Browser kim = new Browser(port);
        kim.signIn("kim", PASSWORD);
        assertThat(kim.page(page).body()).contains("id=\"corrections\"", "id=\"charge-" + aprilFee + "\"", "2,420,000원");

        // April's fee was waived: 2,420,000 − 110,000 = 2,310,000
        assertThat(kim.postForm(page + "/charges/" + aprilFee + "/cancel", Map.of("reason", "4월 관리비 면제 합의"), true))
                .isEqualTo(302);
        String after = kim.page(page).body();
        assertThat(after).contains("청구를 취소했습니다", "취소됨 · 4월 관리비 면제 합의", "2,310,000원");
        assertThat(api.get("/api/arrears/leases/" + lease).body().get("arrears").get("overdueBalance").asLong()).isEqualTo(2_310_000);

        assertThat(kim.postForm(page + "/terms", Map.of("fromMonth", "2026-05", "monthlyRent", "1,200,000",
                "reason", "임대료 인상 합의"), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("2026-05부터: 차임 1,200,000원", "임대료 인상 합의");

        // bad input changes nothing and says which field
        assertThat(kim.postForm(page + "/deposit", Map.of("deposit", "많이", "reason", "정정"), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("처리하지 못했습니다", "deposit");
        assertThat(kim.postForm(page + "/move-out", Map.of("moveOutOn", "2026-04-30", "reason", ""), true)).isEqualTo(302);
        assertThat(kim.page(page).body()).contains("처리하지 못했습니다", "사유(reason): 사유를 입력하세요");
        assertThat(api.get("/api/leases/" + lease).body().get("endDate").asText()).isEqualTo("2028-02-29");

        Browser owner = new Browser(port);
        owner.signIn("hanul-owner", PASSWORD);
        assertThat(owner.page(page).body()).contains("2,310,000원").doesNotContain("id=\"corrections\"");
        assertThat(owner.postForm(page + "/move-out", Map.of("moveOutOn", "2026-04-30", "reason", "x"), true)).isEqualTo(403);
    }
}
