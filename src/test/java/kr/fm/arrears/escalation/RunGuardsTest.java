package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.escalation.internal.RunHooks;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC "Send only what is still true" and "Bounds" for the run itself: a pause recorded while a page is
 * being written wins over it; a real run is only for today or earlier; a future-dated run left in the
 * database is named and can be voided; a lease whose ledger cannot be computed is a run error, not the
 * end of the run for everyone else.
 */
@ServiceTest
@Import(RunGuardsTest.Hooks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // runs only go forward: the tests' dates rise in this order
class RunGuardsTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired Hooks hooks;
    @Autowired AuditVerifier auditVerifier;

    /** Holds the page writer at its seam, once, while the test does something. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {
        volatile Long holdFor;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Bean
        RunHooks runHooks() {
            return caseIds -> {
                if (holdFor != null && caseIds.contains(holdFor)) {
                    holdFor = null;
                    reached.countDown();
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }

    /** A lease of the fixtures' one landlord, building and tenant, unpaid from its first due date (10 March 2026). */
    private long lease(String code, String unit) {
        return portfolios.given().lease(Portfolios.lease(code).unit(unit)).make().leaseId(code);
    }

    @Test
    @Order(1)
    void a_pause_recorded_while_the_writer_applies_its_page_wins_no_stage_and_no_message() throws Exception {
        long lease = lease("PAUSE-RACE", "201");
        clock.set(LocalDate.of(2026, 3, 11));
        run("2026-03-11", false);
        long caseId = jdbc.sql("SELECT id FROM arrears_case WHERE lease_id = ?").param(lease).query(Long.class).single();
        long messagesBefore = messages(lease);

        // 17 March the case is due for the second reminder; the writer stops at its seam for this case
        clock.set(LocalDate.of(2026, 3, 17));
        hooks.holdFor = caseId;
        CompletableFuture<Api.Response> running = CompletableFuture.supplyAsync(() -> api.postJson("/api/escalation/runs",
                Map.of("businessDate", "2026-03-17", "dryRun", false)));
        assertThat(hooks.reached.await(2, TimeUnit.MINUTES)).as("the writer reached the page of the case").isTrue();
        Api.Response pause = api.postJson("/api/cases/" + caseId + "/pause",
                Map.of("until", "2026-03-31", "reason", "분쟁 중: 관리비 정산 이의"));
        hooks.release.countDown();

        assertThat(pause.status()).isEqualTo(200);
        assertThat(running.get(2, TimeUnit.MINUTES).status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT stage::text FROM case_stage WHERE case_id = ? ORDER BY stage").param(caseId)
                .query(String.class).list()).containsExactly("REMINDER_1");
        assertThat(messages(lease)).isEqualTo(messagesBefore);
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    @Test
    @Order(2)
    void a_real_run_for_tomorrow_is_refused_naming_the_business_date_and_a_dry_run_for_it_works() {
        clock.set(LocalDate.of(2026, 6, 10));
        long runs = count("SELECT count(*) FROM escalation_run");

        Api.Response refused = api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-06-11", "dryRun", false));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("businessDate");
        assertThat(count("SELECT count(*) FROM escalation_run")).isEqualTo(runs);

        Api.Response dry = api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-06-11", "dryRun", true));
        assertThat(dry.status()).isEqualTo(201);
        assertThat(dry.body().get("dryRun").asBoolean()).isTrue();
        Api.Response tooFar = api.postJson("/api/escalation/runs", Map.of("businessDate", "2101-01-01", "dryRun", true));
        assertThat(tooFar.status()).isEqualTo(422);
        assertThat(tooFar.body().get("errors").get(0).get("field").asText()).isEqualTo("businessDate");
    }

    @Test
    @Order(3)
    void a_future_dated_real_run_left_in_the_database_is_named_by_every_refusal_and_an_admin_voids_it() {
        clock.set(LocalDate.of(2026, 7, 1));
        // written before real runs were bounded by today (or with a clock set a year ahead)
        long future = jdbc.sql("""
                INSERT INTO escalation_run (business_date, dry_run, requested_by, requested_at, status, finished_at)
                VALUES ('2027-07-01', FALSE, 'admin', now(), 'COMPLETED', now()) RETURNING id""").query(Long.class).single();

        Api.Response refused = api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-07-01", "dryRun", false));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("(" + future + ")", "2027-07-01",
                "/api/escalation/runs/" + future + "/void");

        assertThat(api.postJson("/api/escalation/runs/" + future + "/void", Map.of()).status()).isEqualTo(422);
        Api.Response voided = api.postJson("/api/escalation/runs/" + future + "/void",
                Map.of("reason", "시계를 잘못 맞춘 채 실행한 건"));
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.body().get("voidReason").asText()).isEqualTo("시계를 잘못 맞춘 채 실행한 건");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'ESCALATION_RUN_VOIDED'")).isOne();

        assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-07-01", "dryRun", false)).status())
                .isEqualTo(201);
    }

    @Test
    @Order(4)
    void a_lease_whose_arrears_cannot_be_computed_is_a_run_error_and_every_other_lease_is_escalated_as_previewed() {
        List<Long> leases = List.of(lease("ERR-A", "301"), lease("ERR-B", "302"),
                lease("ERR-C", "303"));
        long broken = leases.get(1);
        // a charge written around every check (an old import, a hand-made fix in SQL): its interest overflows a long
        jdbc.sql("UPDATE charge SET amount = 4000000000000000000 WHERE lease_id = ? AND kind = 'RENT' AND due_date = '2026-03-10'")
                .param(broken).update();
        clock.set(LocalDate.of(2026, 8, 20));

        Map<Long, String> previewed = new HashMap<>();
        for (JsonNode item : api.get("/api/escalation/preview?asOf=2026-08-20&limit=5000").body().get("items")) {
            previewed.put(item.get("leaseId").asLong(), item.get("action").asText() + ":" + item.get("stage").asText());
        }
        assertThat(previewed.get(broken)).startsWith("ERROR");

        Api.Response run = run("2026-08-20", false);
        assertThat(run.body().get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(run.body().get("errors").asInt()).isOne();
        JsonNode detail = api.get("/api/escalation/runs/" + run.body().get("id").asLong()).body();
        assertThat(detail.get("errorLeases")).hasSize(1);
        assertThat(detail.get("errorLeases").get(0).get("leaseId").asLong()).isEqualTo(broken);
        assertThat(detail.get("errorLeases").get(0).get("reason").asText()).contains("ArithmeticException");

        for (long lease : List.of(leases.get(0), leases.get(2))) {
            String stage = jdbc.sql("""
                    SELECT s.stage::text FROM case_stage s JOIN arrears_case c ON c.id = s.case_id
                    WHERE c.lease_id = ? AND s.status = 'REACHED'""").param(lease).query(String.class).single();
            assertThat("OPEN:" + stage).isEqualTo(previewed.get(lease));
        }
        assertThat(count("SELECT count(*) FROM arrears_case WHERE lease_id = " + broken)).isZero();
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    private Api.Response run(String date, boolean dryRun) {
        Api.Response run = api.postJson("/api/escalation/runs", Map.of("businessDate", date, "dryRun", dryRun));
        assertThat(run.status()).as("run %s: %s", date, run.body()).isEqualTo(201);
        return run;
    }

    private long messages(long lease) {
        return count("SELECT count(*) FROM message WHERE lease_id = " + lease);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
