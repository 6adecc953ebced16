package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs, restarts and exactly-once, through the API. Twelve leases all unpaid since 10 March 2026;
 * pages of five leases, so a run has three chunks (leases 1–5, 6–10, 11–12). Runs only go forward
 * in time, so the tests follow each other on one calendar.
 */
@ServiceTest
@Import(Published.Config.class)
@TestPropertySource(properties = "arrears.escalation.page-size=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationRunsTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Published published;
    @Autowired Portfolios portfolios;
    @Autowired Policies policies;
    @Autowired JdbcClient jdbc;

    final List<Long> leases = new ArrayList<>();
    /** The one landlord and building of the twelve leases. */
    record Tenancy(long landlordId, long buildingId) {}

    Tenancy tenancy;

    @BeforeAll
    void twelveLeases() {
        clock.set(LocalDate.of(2026, 3, 1));
        Portfolios.Builder twelve = portfolios.given();
        for (int i = 1; i <= 12; i++) {
            twelve.lease(Portfolios.lease("L" + i).unit(String.valueOf(100 + i)));
        }
        Portfolios.Given given = twelve.make();
        for (int i = 1; i <= 12; i++) {
            leases.add(given.leaseId("L" + i));
        }
        tenancy = new Tenancy(given.landlordId(Portfolios.HANUL.name()), given.buildingId("L1"));
        clock.set(LocalDate.of(2026, 3, 11));
    }

    @Test
    @Order(1)
    void a_dry_run_counts_what_it_would_do_and_writes_nothing() {
        JsonNode run = run("2026-03-11", true, 201);
        assertThat(counts(run)).isEqualTo("leases=12 opened=12 advanced=12 skipped=0 resolved=0 upcoming=0 unchanged=0");
        assertThat(api.get("/api/cases").body()).isEmpty();
        assertThat(published.events).isEmpty();
    }

    @Test
    @Order(2)
    void the_preview_lists_each_lease_with_the_step_a_run_would_take() {
        JsonNode preview = api.get("/api/escalation/preview?asOf=2026-03-11").body();
        assertThat(preview.get("items")).hasSize(12).allSatisfy(i -> {
            assertThat(i.get("action").asText()).isEqualTo("OPEN");
            assertThat(i.get("stage").asText()).isEqualTo("REMINDER_1");
        });
        // 30 days after 10 March (April not due yet): straight to the demand notice, the reminders skipped
        JsonNode later = api.get("/api/escalation/preview?asOf=2026-04-09&limit=5").body();
        assertThat(later.get("items").get(0).get("stage").asText()).isEqualTo("DEMAND_NOTICE");
        assertThat(later.get("items").get(0).get("skipped")).extracting(JsonNode::asText)
                .containsExactly("REMINDER_1", "REMINDER_2", "FINAL_REMINDER");
        assertThat(later.get("nextAfterLeaseId").asLong()).isEqualTo(leases.get(4));
        assertThat(api.get("/api/cases").body()).isEmpty();
    }

    @Test
    @Order(3)
    void a_run_failing_in_the_middle_of_a_chunk_restarts_finishes_the_rest_and_repeats_nothing() {
        // enqueuing for lease 7 (second page) fails once: that page rolls back whole, the first stays committed
        published.failOnceForLease.set(leases.get(6));
        JsonNode failed = run("2026-03-11", false, 500);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(counts(failed)).isEqualTo("leases=5 opened=5 advanced=5 skipped=0 resolved=0 upcoming=0 unchanged=0");
        assertThat(leasesReached(Stage.REMINDER_1)).containsExactlyElementsOf(leases.subList(0, 5));

        Api.Response restarted = api.postJson("/api/escalation/runs/" + failed.get("id").asLong() + "/restart", Map.of());
        assertThat(restarted.status()).isEqualTo(201);
        assertThat(restarted.body().get("id").asLong()).isEqualTo(failed.get("id").asLong());
        assertThat(counts(restarted.body())).isEqualTo("leases=12 opened=12 advanced=12 skipped=0 resolved=0 upcoming=0 unchanged=0");
        assertThat(leasesReached(Stage.REMINDER_1)).containsExactlyElementsOf(leases);
        assertThat(jdbc.sql("SELECT count(*) FROM case_stage").query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'STAGE_REACHED'").query(Long.class).single()).isEqualTo(12);
        assertThat(api.postJson("/api/escalation/runs/" + failed.get("id").asLong() + "/restart", Map.of()).status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void the_same_business_date_run_twice_enqueues_nothing_twice() {
        JsonNode again = run("2026-03-11", false, 201);
        assertThat(counts(again)).isEqualTo("leases=12 opened=0 advanced=0 skipped=0 resolved=0 upcoming=0 unchanged=12");
        assertThat(leasesReached(Stage.REMINDER_1)).containsExactlyElementsOf(leases);
        assertThat(jdbc.sql("SELECT count(*) FROM arrears_case").query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM case_stage").query(Long.class).single()).isEqualTo(12);
    }

    @Test
    @Order(5)
    void a_real_run_for_a_date_before_the_last_completed_one_is_refused_but_a_dry_run_is_not() {
        Api.Response refused = api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-03-10", "dryRun", false));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("title").asText()).isEqualTo("지금 상태에서는 할 수 없습니다");
        assertThat(refused.body().get("detail").asText()).contains("2026-03-11");
        run("2026-03-10", true, 201);
        assertThat(api.postJson("/api/escalation/runs", Map.of("dryRun", false)).body().get("errors").get(0).get("field").asText())
                .isEqualTo("businessDate");
    }

    @Test
    @Order(6)
    void cases_are_listed_by_stage_and_pause_and_resume_are_audited() {
        assertThat(api.get("/api/cases?stage=REMINDER_1&buildingId=" + tenancy.buildingId).body()).hasSize(12);
        assertThat(api.get("/api/cases?stage=REMINDER_2").body()).isEmpty();
        long caseId = api.get("/api/cases?limit=1").body().get(0).get("id").asLong();

        Api.Response bad = api.postJson("/api/cases/" + caseId + "/pause", Map.of("until", "2026-03-20"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        assertThat(api.postJson("/api/cases/" + caseId + "/pause", Map.of("until", "2026-03-20", "reason", "disputed invoice"))
                .body().get("pausedUntil").asText()).isEqualTo("2026-03-20");
        assertThat(api.get("/api/cases?paused=true").body()).extracting(c -> c.get("id").asLong()).containsExactly(caseId);
        JsonNode resumed = api.postJson("/api/cases/" + caseId + "/resume", Map.of()).body();
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(api.postJson("/api/cases/" + caseId + "/resume", Map.of()).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'CASE' AND subject_id = ? AND action LIKE 'CASE_P%' OR action = 'CASE_RESUMED' ORDER BY id")
                .param(String.valueOf(caseId)).query(String.class).list()).containsExactly("CASE_PAUSED", "CASE_RESUMED");
        JsonNode one = api.get("/api/cases/" + caseId).body();
        assertThat(one.get("history").get(0).get("stage").asText()).isEqualTo("REMINDER_1");
        assertThat(one.get("history").get(0).get("status").asText()).isEqualTo("REACHED");
    }

    @Test
    @Order(7)
    void a_landlords_own_ladder_is_validated_audited_and_used_by_the_next_run() throws Exception {
        JsonNode defaults = api.get("/api/escalation/policy?landlordId=" + tenancy.landlordId).body();
        assertThat(defaults.get("source").asText()).isEqualTo("DEFAULT");
        assertThat(defaults.get("rules")).hasSize(7);

        List<Map<String, Object>> rules = new ObjectMapper().convertValue(defaults.get("rules"), List.class);
        rules.get(5).put("threshold", 1); // one month's rent: void under 민법 제652조
        Api.Response refused = api.putJson("/api/escalation/policy?landlordId=" + tenancy.landlordId, Map.of("rules", rules));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("rules[5].threshold");

        rules.get(5).put("threshold", 2);
        Api.Response negative = api.putJson("/api/escalation/policy?landlordId=" + tenancy.landlordId,
                Map.of("rules", rules, "minimumBalance", -1));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body().get("errors").get(0).get("field").asText()).isEqualTo("minimumBalance");
        assertThat(defaults.get("minimumBalance").asLong()).as("SPEC's default").isEqualTo(10_000);

        rules.get(2).put("threshold", 5);
        rules.get(2).put("template", "reminder-2-gentle");
        assertThat(api.putJson("/api/escalation/policy?landlordId=" + tenancy.landlordId, Map.of("rules", rules)).status()).isEqualTo(200);
        assertThat(api.get("/api/escalation/policy?buildingId=" + tenancy.buildingId).body().get("source").asText()).isEqualTo("LANDLORD");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'POLICY_CHANGED'").query(Long.class).single()).isOne();

        // 5 days after 10 March, the landlord's second reminder is due, with its own template
        clock.set(LocalDate.of(2026, 3, 15));
        JsonNode run = run("2026-03-15", false, 201);
        assertThat(run.get("advanced").asInt()).isEqualTo(12);
        // the template is the lease's ladder's (messaging reads it there for each stage reached)
        assertThat(published.stages(leases.get(0))).extracting(StageReached::stage,
                        e -> policies.ladders(List.of(e.leaseId())).get(e.leaseId()).rule(e.stage()).template())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Stage.REMINDER_1, "reminder-1"),
                        org.assertj.core.groups.Tuple.tuple(Stage.REMINDER_2, "reminder-2-gentle"));
    }

    private JsonNode run(String date, boolean dryRun, int status) {
        Api.Response r = api.postJson("/api/escalation/runs", Map.of("businessDate", date, "dryRun", dryRun));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(status);
        JsonNode again = api.get("/api/escalation/runs/" + r.body().get("id").asLong()).body();
        assertThat(again.get("status").asText()).isEqualTo(r.body().get("status").asText());
        return r.body();
    }

    private static String counts(JsonNode run) {
        return "leases=" + run.get("leases") + " opened=" + run.get("opened") + " advanced=" + run.get("advanced")
                + " skipped=" + run.get("skipped") + " resolved=" + run.get("resolved") + " upcoming=" + run.get("upcoming")
                + " unchanged=" + run.get("unchanged");
    }

    /** Leases whose committed StageReached events include the stage, one entry per event. */
    private List<Long> leasesReached(Stage stage) {
        return published.events.stream().filter(e -> e instanceof StageReached s && s.stage() == stage)
                .map(e -> ((StageReached) e).leaseId()).sorted().toList();
    }
}
