package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.tools.PortfolioGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drill: PostgreSQL restarts ({@code pg_ctl -m fast restart} of a throwaway cluster) once in the
 * middle of an escalation run and once while the dispatcher is sending. The service process lives
 * on (its pool reconnects); the interrupted run ends FAILED (or, if even that could not be written,
 * is found abandoned), is restarted and completes; the dispatcher carries on. Then the same checks as
 * every drill: exactly the decided steps, each once, each text accepted once, audit chain intact.
 */
class PostgresRestartDrillTest {

    @Test
    void the_service_survives_two_database_restarts_and_nothing_is_lost_or_doubled() throws Exception {
        Optional<Path> bin = ThrowawayPostgres.binaries();
        Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL server binaries under /usr/lib/postgresql");
        int leases = DrillSize.current().leases(6_000, 100_000);
        int pageSize = DrillSize.current().leases(30, 500);
        int pages = (leases + pageSize - 1) / pageSize;
        LocalDate date = LocalDate.of(2026, 11, 5);
        String schema = "drill_pg";
        GreenMail smtp = Drills.smtp();
        try (ThrowawayPostgres pg = ThrowawayPostgres.start(bin.get());
                FaultySolapi provider = new FaultySolapi(3, 0, 0, Duration.ZERO)) {
            String url = pg.url();
            ServiceProcess.freshSchema(url, schema);
            JdbcClient jdbc = ServiceProcess.jdbc(url, schema);
            Map<String, String> settings = new java.util.HashMap<>(provider.settings());
            settings.putAll(Map.of(
                    "arrears.messaging.mode", "live",
                    "arrears.messaging.batch-size", "10",
                    "arrears.escalation.page-size", String.valueOf(pageSize),
                    "spring.datasource.hikari.connection-timeout", "5000",
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(smtp.getSmtp().getPort())));
            try (ServiceProcess service = ServiceProcess.start("pg-restart", url, schema, settings)) {
                new PortfolioGenerator(ServiceProcess.dataSource(url, schema))
                        .generate(new PortfolioGenerator.Plan(leases, 13, YearMonth.of(2026, 10)));
                Api api = service.api();
                ExpectedSteps expected = ExpectedSteps.preview(api, date);

                // 1. during the run
                CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(
                        () -> api.postJson("/api/escalation/runs", Map.of("businessDate", date.toString())));
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> Drills.committedPages(jdbc) >= pages / 3);
                long run = jdbc.sql("SELECT max(id) FROM escalation_run").query(Long.class).single();
                long pagesBeforeRestart = Drills.committedPages(jdbc);
                pg.restart();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> !Drills.runStatus(jdbc, run).equals("STARTED"));
                String afterRestart = Drills.runStatus(jdbc, run);
                int firstAnswer = answer.get().status();
                String how = "run ended " + afterRestart;
                if (afterRestart.equals("FAILED") || afterRestart.equals("UNKNOWN")) {
                    how += ", restarted by POST /restart";
                    assertThat(api.postJson("/api/escalation/runs/" + run + "/restart", Map.of()).status()).isEqualTo(201);
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> Drills.runStatus(jdbc, run).equals("COMPLETED"));

                // 2. during dispatch
                long messages = Drills.count(jdbc, "SELECT count(*) FROM message");
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> Drills.count(jdbc, "SELECT count(*) FROM message WHERE state = 'SENT'") >= messages / 5);
                long sentBeforeRestart = Drills.count(jdbc, "SELECT count(*) FROM message WHERE state = 'SENT'");
                pg.restart();
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> Drills.count(jdbc, "SELECT count(*) FROM message WHERE state IN ('QUEUED', 'SENDING')") == 0);
                assertThat(service.alive()).as("the service process survived both restarts").isTrue();
                assertThat(api.get("/actuator/health").body().get("status").asText()).isEqualTo("UP");

                expected.assertWritten(jdbc);
                Drills.assertEachCaseStageOnce(jdbc);
                List<long[]> executions = jdbc.sql("""
                        SELECT s.read_count, s.commit_count FROM batch_job_execution e
                        JOIN batch_step_execution s ON s.job_execution_id = e.job_execution_id
                        WHERE s.step_name = 'escalateLeases' ORDER BY e.job_execution_id""")
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
                // a page being written when the database went away was rolled back and read again on restart
                assertThat(executions.stream().mapToLong(e -> e[0]).sum()).as("pages read in all")
                        .isBetween((long) pages, (long) pages + executions.size() - 1);

                assertThat(Drills.count(jdbc, "SELECT count(*) FROM message WHERE state <> 'SENT'")).isZero();
                int texts = Drills.assertTextsAcceptedOnce(jdbc, provider);
                long emails = Drills.count(jdbc, "SELECT count(*) FROM message WHERE kind = 'EMAIL'");
                MimeMessage[] received = smtp.getReceivedMessages();
                long distinctMails = Arrays.stream(received).map(PostgresRestartDrillTest::requestId).distinct().count();
                assertThat(distinctMails).as("every e-mail arrived (by X-Request-Id)").isEqualTo(emails);
                var verify = api.get("/api/audit/verify").body();
                assertThat(verify.get("intact").asBoolean()).isTrue();

                System.out.printf(Locale.ROOT,
                        "POSTGRES RESTART DRILL: leases=%d pages=%d restartAfterPages=%d firstAnswer=%d recovery='%s' "
                                + "executions=%d caseStages=%d texts=%d emails=%d sentBeforeSecondRestart=%d providerRequests=%d "
                                + "providerSent=%d sentTwice=%d mailsReceived=%d mailsDistinct=%d auditEvents=%d%n",
                        leases, pages, pagesBeforeRestart, firstAnswer, how, executions.size(), expected.caseStages().size(),
                        texts, emails, sentBeforeRestart, provider.requests.get(),
                        provider.accepted.size(), provider.sentTwice.size(),
                        received.length, distinctMails, verify.get("eventsChecked").asLong());
            }
        } finally {
            smtp.stop();
        }
    }

    private static String requestId(MimeMessage m) {
        try {
            return m.getHeader("X-Request-Id", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
