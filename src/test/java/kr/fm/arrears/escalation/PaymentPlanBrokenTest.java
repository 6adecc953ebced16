package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.messaging.Dispatcher;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC "Payment plans", broken: the lease and plan of {@link PaymentPlanKeptTest} (1,210,000 overdue since
 * 10 March; 400,000 on 20 March, 400,000 on 27 March, 410,000 on 3 April), but only the first instalment
 * is paid. The second is due on 27 March; with the ladder's 3 grace days it may still come up to 30 March.
 */
@ServiceTest
class PaymentPlanBrokenTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired Dispatcher dispatcher;
    @Autowired kr.fm.arrears.report.OwnerReports reports;

    @Test
    void a_plan_broken_at_the_second_instalment_resumes_the_case_after_the_grace_days_and_tells_the_landlord_once() {
        PlanSupport days = new PlanSupport(api, clock, jdbc, dispatcher);
        clock.set(LocalDate.of(2026, 3, 1));
        Portfolios.Given given = portfolios.given().lease(Portfolios.lease("PLAN-BROKEN").unit("101")).make();
        long lease = given.leaseId("PLAN-BROKEN");
        jdbc.sql("UPDATE landlord SET email = 'owner@hanul.example' WHERE name = ?").param(Portfolios.HANUL.name()).update();

        days.morning(LocalDate.of(2026, 3, 11)); // 1 day overdue: REMINDER_1
        long caseId = days.caseOf(lease);
        Api.Response agreed = api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", List.of(
                Map.of("dueDate", "2026-03-20", "amount", 400_000),
                Map.of("dueDate", "2026-03-27", "amount", 400_000),
                Map.of("dueDate", "2026-04-03", "amount", 410_000))));
        assertThat(agreed.status()).as("%s", agreed.body()).isEqualTo(201);
        given.pay(lease, LocalDate.of(2026, 3, 19), 400_000);

        // up to 30 March (27 March + 3 grace days) the plan holds the case, although it is 20 days overdue then
        days.mornings("2026-03-12", "2026-03-30");
        assertThat(days.stages(caseId)).containsExactly("REMINDER_1:REACHED");
        assertThat(api.get("/api/cases/" + caseId + "/plans").body().get(0).get("status").asText()).isEqualTo("ACTIVE");

        // 31 March: the grace is over, the plan breaks and the same run takes the step due by then. March's
        // 1,210,000 less the 400,000 paid leaves 810,000 of charges due 10 March unpaid: 31 − 10 = 21 days
        // overdue, past FINAL_REMINDER (14) and short of DEMAND_NOTICE (30); REMINDER_2 (7) is passed over
        days.morning(LocalDate.of(2026, 3, 31));
        JsonNode broken = api.get("/api/cases/" + caseId + "/plans").body().get(0);
        assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
        assertThat(broken.get("brokenInstalment").asInt()).isEqualTo(2);
        assertThat(broken.get("endedOn").asText()).isEqualTo("2026-03-31");
        assertThat(days.stages(caseId)).containsExactly("REMINDER_1:REACHED", "REMINDER_2:SKIPPED", "FINAL_REMINDER:REACHED");
        assertThat(api.get("/api/cases/" + caseId).body().get("stage").asText()).isEqualTo("FINAL_REMINDER");

        days.mornings("2026-04-01", "2026-04-02"); // later runs tell nobody again
        assertThat(days.outbox(caseId)).containsExactly(
                "REMINDER_1 ALIMTALK SENT 2026-03-11", // it left on the 11th, before the plan was agreed
                "REMINDER_1 EMAIL SENT 2026-03-11",
                "PLAN_REMINDER ALIMTALK SENT 2026-03-20 2026-03-17",
                "PLAN_THANKS ALIMTALK SENT 2026-03-20 2026-03-19",
                "PLAN_REMINDER ALIMTALK SENT 2026-03-27 2026-03-24",
                // the landlord, once; no reminder for the third instalment of a broken plan
                "PLAN_BROKEN EMAIL SENT 2026-03-31",
                "FINAL_REMINDER SMS SENT 2026-03-31",
                "FINAL_REMINDER EMAIL SENT 2026-03-31");
        // 800,000 due by the 2nd instalment − 400,000 paid = 400,000 short
        assertThat(jdbc.sql("SELECT recipient || ' ' || subject || ' ' || body FROM message WHERE case_id = ? AND stage = 'PLAN_BROKEN'")
                .param(caseId).query(String.class).single()).contains("owner@hanul.example", "분할납부 약정 파기", "2회차(전 3회)",
                        "부족 금액: 400,000원", "약정 잔액: 810,000원");
        assertThat(List.of(days.audited("PLAN_AGREED", caseId), days.audited("INSTALMENT_PAID", caseId),
                days.audited("PLAN_BROKEN", caseId), days.audited("PLAN_KEPT", caseId))).containsExactly(1L, 1L, 1L, 0L);
        // the owner's March report: one plan agreed (11 March), none kept, one broken (31 March)
        assertThat(reports.figures(kr.fm.arrears.shared.Viewer.SYSTEM, given.landlordId(Portfolios.HANUL.name()),
                java.time.YearMonth.of(2026, 3)).plans()).isEqualTo(new PaymentPlans.Tally(1, 0, 1));
    }
}
