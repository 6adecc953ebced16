package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.tools.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drill: kill -9 the service in the middle of an escalation run, start it again, and let the run
 * resume by itself. The service runs as its own process with the scheduler on, sending to a stub
 * provider on 127.0.0.1 while the run goes on. Checks: the run that was killed is resumed after its
 * last committed page (no page twice), it writes exactly what the Escalator decided beforehand, each
 * (case, stage) and each message once, every message accepted once at the provider, audit chain intact.
 */
class KillDuringRunDrillTest {

    @Test
    void a_run_killed_midway_resumes_after_a_restart_and_leaves_every_step_and_message_exactly_once() throws Exception {
        DrillSize size = DrillSize.current();
        int leases = size.leases(4_000, 100_000);
        int pageSize = size.leases(20, 500);
        int pages = (leases + pageSize - 1) / pageSize;
        LocalDate date = LocalDate.of(2026, 11, 5);
        String url = ServiceProcess.databaseUrl();
        String schema = "drill_kill";
        ServiceProcess.freshSchema(url, schema);
        JdbcClient jdbc = ServiceProcess.jdbc(url, schema);
        GreenMail smtp = Drills.smtp();
        FaultySolapi provider = new FaultySolapi(1, 0, 0, Duration.ZERO);
        Map<String, String> settings = new java.util.HashMap<>(provider.settings());
        settings.putAll(Map.of(
                "arrears.messaging.mode", "live",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
                "arrears.escalation.page-size", String.valueOf(pageSize)));
        try (provider; ServiceProcess service = ServiceProcess.start("kill-9", url, schema, settings)) {
            new PortfolioGenerator(ServiceProcess.dataSource(url, schema))
                    .generate(new PortfolioGenerator.Plan(leases, 7, YearMonth.of(2026, 10)));
            Api api = service.api();
            ExpectedSteps expected = ExpectedSteps.preview(api, date);

            // the answer never comes: the process dies first
            CompletableFuture.runAsync(() -> api.postJson("/api/escalation/runs", Map.of("businessDate", date.toString())));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Drills.committedPages(jdbc) >= pages / 3);
            long run = jdbc.sql("SELECT max(id) FROM escalation_run").query(Long.class).single();
            assertThat(api.postJson("/api/escalation/runs/" + run + "/restart", Map.of()).status())
                    .as("a run alive on its instance is never taken over").isEqualTo(409);

            service.kill();
            long killedAt = Drills.committedPages(jdbc);
            assertThat(killedAt).as("killed in the middle").isBetween(1L, (long) pages - 1);
            assertThat(Drills.runStatus(jdbc, run)).isEqualTo("STARTED");
            long sentBeforeKill = Drills.count(jdbc, "SELECT count(*) FROM message WHERE state = 'SENT'");

            long restarted = System.nanoTime();
            service.launch();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> Drills.runStatus(jdbc, run).equals("COMPLETED"));
            double resumeSeconds = (System.nanoTime() - restarted) / 1e9;

            // the Batch side: the killed execution FAILED, the resumed one read only the pages left
            List<long[]> executions = jdbc.sql("""
                    SELECT CASE e.status WHEN 'FAILED' THEN 0 WHEN 'COMPLETED' THEN 1 ELSE 2 END, s.read_count, s.commit_count
                    FROM batch_job_execution e JOIN batch_step_execution s ON s.job_execution_id = e.job_execution_id
                    WHERE s.step_name = 'escalateLeases' AND e.job_execution_id IN (SELECT job_execution_id FROM batch_job_execution_params
                                                 WHERE parameter_name = 'run' AND parameter_value = ?)
                    ORDER BY e.job_execution_id""").param(String.valueOf(run))
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
            assertThat(executions).hasSize(2);
            assertThat(executions.get(0)[0]).as("killed execution marked FAILED").isZero();
            assertThat(executions.get(1)[0]).as("resumed execution COMPLETED").isOne();
            assertThat(executions.get(0)[1] + executions.get(1)[1]).as("pages read in all: each once").isEqualTo(pages);
            assertThat(Drills.count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'ESCALATION_RUN_ABANDONED'")).isOne();

            expected.assertWritten(jdbc);
            Map<String, Object> counts = jdbc.sql("SELECT leases, opened, upcoming FROM escalation_run WHERE id = ?").param(run)
                    .query().singleRow();
            assertThat(counts.get("leases")).isEqualTo(leases);
            assertThat(counts.get("upcoming")).isEqualTo(expected.reminders().size());
            Drills.assertEachCaseStageOnce(jdbc);

            // about 20 messages a second here (the e-mails go one by one): 6,500 at the large size
            await().atMost(Duration.ofMinutes(size.leases(5, 20))).pollInterval(Duration.ofMillis(500))
                    .until(() -> Drills.count(jdbc, "SELECT count(*) FROM message WHERE state IN ('QUEUED', 'SENDING')") == 0);
            assertThat(Drills.count(jdbc, "SELECT count(*) FROM message WHERE state <> 'SENT'")).isZero();
            int texts = Drills.assertTextsAcceptedOnce(jdbc, provider);
            long emails = Drills.count(jdbc, "SELECT count(*) FROM message WHERE kind = 'EMAIL'");
            var verify = api.get("/api/audit/verify").body();
            assertThat(verify.get("intact").asBoolean()).isTrue();

            System.out.printf(Locale.ROOT,
                    "KILL DRILL: leases=%d pages=%d pageSize=%d killedAfterPages=%d resumedPagesRead=%d resumeToCompleted=%.1fs "
                            + "caseStages=%d reminders=%d texts=%d emails=%d sentBeforeKill=%d providerRequests=%d "
                            + "providerSent=%d sentTwice=%d auditEvents=%d%n",
                    leases, pages, pageSize, executions.get(0)[1], executions.get(1)[1], resumeSeconds,
                    expected.caseStages().size(), expected.reminders().size(), texts, emails, sentBeforeKill,
                    provider.requests.get(), provider.accepted.size(), provider.sentTwice.size(),
                    verify.get("eventsChecked").asLong());
        } finally {
            smtp.stop();
        }
    }
}
