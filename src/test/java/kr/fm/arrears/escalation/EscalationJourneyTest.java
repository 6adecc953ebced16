package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.ChargeGenerator;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC "Default escalation ladder", day by day on one calendar: three leases of 1,210,000 a month
 * (rent 1,100,000 with VAT, fee 110,000 with VAT) due on the 10th, none of them ever paid on time.
 * The run happens through the API on each date the clock is moved to, as the 09:00 schedule would.
 */
@ServiceTest
@Import(Published.Config.class)
class EscalationJourneyTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Published published;
    @Autowired Portfolios portfolios;
    @Autowired ChargeGenerator charges;
    @Autowired JdbcClient jdbc;
    @Autowired Policies policies;

    @Test
    void leases_climb_the_ladder_pause_wait_for_the_act_threshold_and_resolve_when_paid() {
        clock.set(LocalDate.of(2026, 3, 1));
        Portfolios.Given tenancy = portfolios.given().lease(Portfolios.lease("LADDER").unit("101"))
                .lease(Portfolios.lease("PAUSED").unit("102"))
                .lease(Portfolios.lease("ACT").unit("103").underTheAct()) // 상가건물 임대차보호법: termination at 3 months' rent
                .make();
        long ladder = tenancy.leaseId("LADDER");
        long paused = tenancy.leaseId("PAUSED");
        long act = tenancy.leaseId("ACT");

        // 3 days before the first due date: the friendly reminder, once
        runOn("2026-03-07");
        assertThat(published.upcoming(ladder)).containsExactly(new UpcomingDue(ladder, LocalDate.of(2026, 3, 10),
                1_210_000, LocalDate.of(2026, 3, 7)));
        // what it is sent on and rendered from is the lease's ladder's, which messaging reads
        assertThat(policies.ladders(List.of(ladder)).get(ladder).rule(Stage.UPCOMING)).extracting(
                Policy.StageRule::channels, Policy.StageRule::template).containsExactly(List.of(Channel.ALIMTALK), "upcoming");
        runOn("2026-03-08");
        assertThat(published.upcoming(ladder)).hasSize(1);

        runOn("2026-03-11"); // 1 day overdue
        assertThat(stages(ladder)).containsExactly(Stage.REMINDER_1);
        long pausedCase = openCase(paused).get("id").asLong();
        Api.Response pause = api.postJson("/api/cases/" + pausedCase + "/pause",
                Map.of("until", "2026-03-25", "reason", "payment plan agreed by phone"));
        assertThat(pause.status()).isEqualTo(200);
        assertThat(pause.body().get("paused").asBoolean()).isTrue();

        runOn("2026-03-17"); // 7 days
        runOn("2026-03-24"); // 14 days: the paused case is still paused (through the 25th)
        assertThat(stages(ladder)).containsExactly(Stage.REMINDER_1, Stage.REMINDER_2, Stage.FINAL_REMINDER);
        assertThat(stages(paused)).containsExactly(Stage.REMINDER_1);

        // the pause is over: 16 days overdue, straight to the final reminder; the second one is skipped, not sent
        runOn("2026-03-26");
        assertThat(stages(paused)).containsExactly(Stage.REMINDER_1, Stage.FINAL_REMINDER);
        assertThat(history(paused)).containsExactly(tuple("REMINDER_1", "REACHED"), tuple("REMINDER_2", "SKIPPED"),
                tuple("FINAL_REMINDER", "REACHED"));

        monthStarts("2026-04-01");
        runOn("2026-04-07"); // 3 days before the April due date, but in arrears: no friendly reminder
        assertThat(published.upcoming(ladder)).hasSize(1);

        runOn("2026-04-09"); // 30 days after 10 March
        assertThat(stages(ladder)).endsWith(Stage.DEMAND_NOTICE);
        assertThat(published.stages(ladder).get(3)).isEqualTo(new StageReached(caseId(ladder), ladder, Stage.DEMAND_NOTICE,
                LocalDate.of(2026, 4, 9)));
        assertThat(policies.ladders(List.of(ladder)).get(ladder).rule(Stage.DEMAND_NOTICE)).extracting(
                Policy.StageRule::channels, Policy.StageRule::template).containsExactly(List.of(Channel.CERTIFIED_NOTICE), "demand-notice");

        // 11 April: March and April rent unpaid, 2 × 1,100,000 = two months' rent (민법 제640조)
        runOn("2026-04-11");
        assertThat(stages(ladder)).endsWith(Stage.DEMAND_NOTICE, Stage.TERMINATION_NOTICE);
        assertThat(stages(act)).endsWith(Stage.DEMAND_NOTICE); // the Act needs three

        // March paid in full on the 12th: only April is overdue now (3 days), yet the case stays where it is
        tenancy.pay(ladder, LocalDate.of(2026, 4, 12), 1_210_000);
        runOn("2026-04-13");
        JsonNode stillOpen = openCase(ladder);
        assertThat(stillOpen.get("stage").asText()).isEqualTo("TERMINATION_NOTICE");
        assertThat(stages(ladder)).hasSize(5);

        tenancy.pay(ladder, LocalDate.of(2026, 4, 20), 1_210_000);
        runOn("2026-04-20");
        assertThat(stages(ladder)).containsExactly(Stage.REMINDER_1, Stage.REMINDER_2, Stage.FINAL_REMINDER,
                Stage.DEMAND_NOTICE, Stage.TERMINATION_NOTICE, Stage.RESOLVED);
        assertThat(policies.ladders(List.of(ladder)).get(ladder).rule(published.stages(ladder).get(5).stage()).template())
                .isEqualTo("resolved");
        JsonNode closed = api.get("/api/cases/" + stillOpen.get("id").asLong()).body();
        assertThat(closed.get("closedOn").asText()).isEqualTo("2026-04-20");
        assertThat(closed.get("history")).extracting(h -> h.get("stage").asText() + ":" + h.get("status").asText())
                .containsExactly("REMINDER_1:REACHED", "REMINDER_2:REACHED", "FINAL_REMINDER:REACHED",
                        "DEMAND_NOTICE:REACHED", "TERMINATION_NOTICE:REACHED", "RESOLVED:REACHED");

        // the Act lease: March, April and May rent unpaid on 11 May = 3 × 1,100,000
        monthStarts("2026-05-01");
        runOn("2026-05-10");
        assertThat(stages(act)).endsWith(Stage.DEMAND_NOTICE);
        runOn("2026-05-11");
        assertThat(stages(act)).containsExactly(Stage.REMINDER_1, Stage.REMINDER_2, Stage.FINAL_REMINDER,
                Stage.DEMAND_NOTICE, Stage.TERMINATION_NOTICE);

        // every stage reached was published exactly once, and matches its row
        assertThat(jdbc.sql("SELECT count(*) FROM case_stage WHERE status = 'REACHED'").query(Long.class).single())
                .isEqualTo(published.events.stream().filter(e -> e instanceof StageReached).count());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'CASE_PAUSED' AND reason = 'payment plan agreed by phone'")
                .query(Long.class).single()).isOne();
    }

    private void runOn(String date) {
        clock.set(LocalDate.parse(date));
        Api.Response run = api.postJson("/api/escalation/runs", Map.of("businessDate", date, "dryRun", false));
        assertThat(run.status()).as("run on %s: %s", date, run.body()).isEqualTo(201);
        assertThat(run.body().get("status").asText()).isEqualTo("COMPLETED");
    }

    /** What the 1st-of-the-month schedule does: this month's and next month's charges. */
    private void monthStarts(String date) {
        clock.set(LocalDate.parse(date));
        charges.generateMonth(YearMonth.from(LocalDate.parse(date)), "test");
        charges.generateMonth(YearMonth.from(LocalDate.parse(date)).plusMonths(1), "test");
    }

    private List<Stage> stages(long leaseId) {
        return published.stages(leaseId).stream().map(StageReached::stage).toList();
    }

    private long caseId(long leaseId) {
        return jdbc.sql("SELECT max(id) FROM arrears_case WHERE lease_id = ?").param(leaseId).query(Long.class).single();
    }

    private JsonNode openCase(long leaseId) {
        return api.get("/api/cases/" + caseId(leaseId)).body();
    }

    private List<org.assertj.core.groups.Tuple> history(long leaseId) {
        return jdbc.sql("SELECT s.stage::text, s.status FROM case_stage s WHERE s.case_id = ? ORDER BY s.stage").param(caseId(leaseId))
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list();
    }
}
