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
 * SPEC "Payment plans", kept: a lease of 1,210,000 a month (rent 1,000,000 + fee 100,000, VAT 10% on each)
 * due on the 10th, March unpaid. On 11 March the run sends the first reminder (1 day overdue) and the
 * MANAGER agrees three instalments the same morning: 400,000 on 20 March, 400,000 on 27 March and
 * 410,000 on 3 April (400,000 + 400,000 + 410,000 = 1,210,000, the overdue balance).
 */
@ServiceTest
class PaymentPlanKeptTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired Dispatcher dispatcher;
    @Autowired kr.fm.arrears.report.OwnerReports reports;

    @Test
    void a_plan_of_three_instalments_kept_sends_no_ladder_message_three_reminders_and_resolves_the_case() {
        PlanSupport days = new PlanSupport(api, clock, jdbc, dispatcher);
        clock.set(LocalDate.of(2026, 3, 1));
        Portfolios.Given given = portfolios.given().lease(Portfolios.lease("PLAN-KEPT").unit("101")).make();
        long lease = given.leaseId("PLAN-KEPT");

        // 11 March, 09:00: 1 day overdue, the first reminder is queued; the plan is agreed before it leaves
        clock.set(LocalDate.of(2026, 3, 11));
        api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-03-11", "dryRun", false));
        long caseId = days.caseOf(lease);
        Api.Response agreed = api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", List.of(
                Map.of("dueDate", "2026-03-20", "amount", 400_000),
                Map.of("dueDate", "2026-03-27", "amount", 400_000),
                Map.of("dueDate", "2026-04-03", "amount", 410_000))));
        assertThat(agreed.status()).as("%s", agreed.body()).isEqualTo(201);
        JsonNode plan = agreed.body();
        assertThat(plan.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(plan.get("principal").asLong()).isEqualTo(1_210_000);
        assertThat(plan.get("graceDays").asInt()).isEqualTo(3); // the ladder's default
        assertThat(plan.get("stageAtStart").asText()).isEqualTo("REMINDER_1");
        // the waiting first reminder is cancelled at send time: the plan holds the case
        dispatcher.drain();
        assertThat(days.outbox(caseId)).containsExactly("REMINDER_1 ALIMTALK CANCELLED/PLAN 2026-03-11",
                "REMINDER_1 EMAIL CANCELLED/PLAN 2026-03-11");

        // the tenant pays each instalment the day before it is due
        given.pay(lease, LocalDate.of(2026, 3, 19), 400_000);
        given.pay(lease, LocalDate.of(2026, 3, 26), 400_000);
        given.pay(lease, LocalDate.of(2026, 4, 2), 410_000);
        // without the plan the ladder would send the second reminder on 17 March (7 days) and the final one on 24 March (14)
        days.mornings("2026-03-12", "2026-04-03");

        assertThat(days.stages(caseId)).containsExactly("REMINDER_1:REACHED", "RESOLVED:REACHED");
        assertThat(days.outbox(caseId)).containsExactly(
                "REMINDER_1 ALIMTALK CANCELLED/PLAN 2026-03-11",
                "REMINDER_1 EMAIL CANCELLED/PLAN 2026-03-11",
                // 3 days before each instalment; the thank-you the morning a payment covers one
                "PLAN_REMINDER ALIMTALK SENT 2026-03-20 2026-03-17",
                "PLAN_THANKS ALIMTALK SENT 2026-03-20 2026-03-19",
                "PLAN_REMINDER ALIMTALK SENT 2026-03-27 2026-03-24",
                "PLAN_THANKS ALIMTALK SENT 2026-03-27 2026-03-26",
                "PLAN_REMINDER ALIMTALK SENT 2026-04-03 2026-03-31",
                "PLAN_THANKS ALIMTALK SENT 2026-04-03 2026-04-02",
                // 400,000 + 400,000 + 410,000 = 1,210,000 paid: the plan is kept and the same run resolves the case
                "RESOLVED ALIMTALK SENT 2026-04-02");
        // the reminder says what is still missing of its instalment: 1,210,000 − 800,000 paid = 410,000
        assertThat(jdbc.sql("SELECT body FROM message WHERE case_id = ? AND stage = 'PLAN_REMINDER' ORDER BY id DESC LIMIT 1")
                .param(caseId).query(String.class).single()).contains("3회차(전 3회)", "410,000원", "2026년 4월 3일");

        JsonNode closed = api.get("/api/cases/" + caseId).body();
        assertThat(closed.get("closedOn").asText()).isEqualTo("2026-04-02");
        JsonNode kept = api.get("/api/cases/" + caseId + "/plans").body().get(0);
        assertThat(kept.get("status").asText()).isEqualTo("KEPT");
        assertThat(kept.get("endedOn").asText()).isEqualTo("2026-04-02");
        assertThat(kept.get("instalments")).extracting(i -> i.get("paidOn").asText())
                .containsExactly("2026-03-19", "2026-03-26", "2026-04-02");
        assertThat(List.of(days.audited("PLAN_AGREED", caseId), days.audited("INSTALMENT_PAID", caseId),
                days.audited("PLAN_KEPT", caseId), days.audited("PLAN_BROKEN", caseId))).containsExactly(1L, 3L, 1L, 0L);
        // the owner's reports: agreed in March, kept in April (2 April)
        long landlord = given.landlordId(Portfolios.HANUL.name());
        assertThat(reports.figures(kr.fm.arrears.shared.Viewer.SYSTEM, landlord, java.time.YearMonth.of(2026, 3)).plans())
                .isEqualTo(new PaymentPlans.Tally(1, 0, 0));
        assertThat(reports.figures(kr.fm.arrears.shared.Viewer.SYSTEM, landlord, java.time.YearMonth.of(2026, 4)).plans())
                .isEqualTo(new PaymentPlans.Tally(0, 1, 0));
    }
}
