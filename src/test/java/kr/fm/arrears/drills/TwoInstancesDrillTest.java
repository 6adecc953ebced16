package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.tools.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Drill: two service processes on one database, both with the scheduler on (clustered Quartz), each
 * sending to a provider stub of its own. The daily escalation job is fired once through the shared
 * Quartz store; exactly one run happens, on one instance, and a restart asked of either instance while
 * it runs is refused. Both dispatchers send, and no message is accepted by both stubs.
 */
class TwoInstancesDrillTest {

    @Test
    void one_firing_makes_one_run_and_two_dispatchers_send_every_message_exactly_once() throws Exception {
        int leases = DrillSize.current().leases(2_500, 100_000);
        String url = ServiceProcess.databaseUrl();
        String schema = "drill_two";
        ServiceProcess.freshSchema(url, schema);
        JdbcClient jdbc = ServiceProcess.jdbc(url, schema);
        GreenMail smtp = Drills.smtp();
        CompletableFuture<ServiceProcess> startingB = null;
        try (FaultyProvider providerA = new FaultyProvider(1, 0, 0, Duration.ZERO);
                FaultyProvider providerB = new FaultyProvider(2, 0, 0, Duration.ZERO);
                ServiceProcess a = ServiceProcess.start("two-a", url, schema, settings(providerA, smtp))) {
            // B starts while the portfolio is generated (A has migrated the schema)
            startingB = CompletableFuture.supplyAsync(
                    () -> ServiceProcess.start("two-b", url, schema, settings(providerB, smtp)));
            // the scheduled job runs for today's business date in Seoul; charges through last month keep
            // some arrears under 30 days (texts, not only notices) whatever day CI runs
            LocalDate today = BusinessTime.today(java.time.Clock.systemUTC());
            new PortfolioGenerator(ServiceProcess.dataSource(url, schema))
                    .generate(new PortfolioGenerator.Plan(leases, 11, YearMonth.from(today).minusMonths(1)));
            ServiceProcess b = startingB.join();
            ExpectedSteps expected = ExpectedSteps.preview(a.api(), today);

            fireOnce(ServiceProcess.dataSource(url, schema));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Drills.count(jdbc, "SELECT count(*) FROM escalation_run WHERE status = 'STARTED'") == 1);
            long run = jdbc.sql("SELECT id FROM escalation_run").query(Long.class).single();
            int refusedA = a.api().postJson("/api/escalation/runs/" + run + "/restart", Map.of()).status();
            int refusedB = b.api().postJson("/api/escalation/runs/" + run + "/restart", Map.of()).status();
            boolean stillRunning = jdbc.sql("SELECT status FROM escalation_run WHERE id = ?").param(run).query(String.class)
                    .single().equals("STARTED");
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                    "SELECT status FROM escalation_run WHERE id = ?").param(run).query(String.class).single().equals("COMPLETED"));
            if (stillRunning) {
                assertThat(List.of(refusedA, refusedB)).as("neither instance takes over a live run").containsOnly(409);
            }

            // the firing ran once, on one instance, and nothing fired again
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> Drills.count(jdbc, "SELECT count(*) FROM escalation_run") == 1);
            int runsLoggedA = runsLogged("two-a");
            int runsLoggedB = runsLogged("two-b");
            assertThat(runsLoggedA + runsLoggedB).isOne();
            expected.assertWritten(jdbc);
            Drills.assertEachCaseStageOnce(jdbc);

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Drills.count(jdbc, "SELECT count(*) FROM message WHERE state IN ('QUEUED', 'SENDING')") == 0);
            assertThat(Drills.count(jdbc, "SELECT count(*) FROM message WHERE state <> 'SENT'")).isZero();
            Set<String> texts = new HashSet<>(jdbc.sql("SELECT idempotency_key FROM message WHERE kind <> 'EMAIL'").query(String.class).list());
            Set<String> both = new HashSet<>(providerA.accepted.keySet());
            both.retainAll(providerB.accepted.keySet());
            assertThat(both).as("accepted by both instances' providers").isEmpty();
            Set<String> either = new HashSet<>(providerA.accepted.keySet());
            either.addAll(providerB.accepted.keySet());
            assertThat(either).isEqualTo(texts);
            assertThat(providerA.accepted).as("instance A's dispatcher sent").isNotEmpty();
            assertThat(providerB.accepted).as("instance B's dispatcher sent").isNotEmpty();
            assertThat(providerA.requests.get() + providerB.requests.get()).as("no request twice").isEqualTo(texts.size());
            long emails = Drills.count(jdbc, "SELECT count(*) FROM message WHERE kind = 'EMAIL'");
            assertThat(smtp.getReceivedMessages()).hasSize((int) emails);
            var verify = b.api().get("/api/audit/verify").body();
            assertThat(verify.get("intact").asBoolean()).isTrue();

            System.out.printf(Locale.ROOT,
                    "TWO INSTANCES DRILL: leases=%d runs=%d runOnA=%d runOnB=%d restartRefused=%d/%d caseStages=%d reminders=%d "
                            + "texts=%d sentByA=%d sentByB=%d acceptedByBoth=%d emails=%d auditEvents=%d%n",
                    leases, Drills.count(jdbc, "SELECT count(*) FROM escalation_run"), runsLoggedA, runsLoggedB,
                    stillRunning ? (refusedA == 409 ? 1 : 0) + (refusedB == 409 ? 1 : 0) : -1, 2,
                    expected.caseStages().size(), expected.reminders().size(), texts.size(), providerA.accepted.size(),
                    providerB.accepted.size(), both.size(), emails, verify.get("eventsChecked").asLong());
        } finally {
            if (startingB != null) {
                startingB.thenAccept(ServiceProcess::close).join(); // never leave a process behind
            }
            smtp.stop();
        }
    }

    private static Map<String, String> settings(FaultyProvider provider, GreenMail smtp) {
        return Map.of("arrears.messaging.mode", "live",
                "arrears.messaging.gateway.base-url", provider.baseUrl(),
                "arrears.messaging.batch-size", "5",
                "arrears.escalation.page-size", "50",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    /** One firing of the stored daily job, put into the shared Quartz store by a scheduler that never starts. */
    private static void fireOnce(DataSource dataSource) throws Exception {
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceId", "drill-trigger");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        p.put("org.quartz.threadPool.threadCount", "1");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("arrears"); // the services' scheduler name: the same cluster
        factory.setQuartzProperties(p);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        try {
            factory.getScheduler().triggerJob(JobKey.jobKey("escalation"));
        } finally {
            factory.destroy();
        }
    }

    private static int runsLogged(String instance) throws Exception {
        return (int) Files.readAllLines(Path.of("target", "drills", instance + ".log")).stream()
                .filter(l -> l.contains("EscalationQuartzJob") && l.contains("escalation run ")).count();
    }
}
