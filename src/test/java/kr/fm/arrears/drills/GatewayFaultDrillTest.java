package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import kr.fm.arrears.drills.FaultySolapi.Outcome;
import kr.fm.arrears.messaging.Dispatcher;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import kr.fm.arrears.tools.PortfolioGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drill: the messaging provider fails 30% of requests (500, 503 with Retry-After, connection
 * dropped) and stalls 10% past our read timeout after accepting them. A real escalation run over a
 * generated portfolio queues the morning's reminders; the dispatcher works through them while the
 * test clock moves on by the backoff. In the end every message is SENT, the provider accepted each
 * request id exactly once (the repeats after a stall are de-duplicated by that id, as the real
 * provider does), and the audit chain is intact.
 */
@ServiceTest
class GatewayFaultDrillTest {

    static final FaultySolapi PROVIDER;
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Duration READ_TIMEOUT = Duration.ofMillis(400);

    static {
        try {
            PROVIDER = new FaultySolapi(20261123L, 0.30, 0.10, Duration.ofMillis(1200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SMTP.start();
    }

    @DynamicPropertySource
    static void faultyGateway(DynamicPropertyRegistry r) {
        r.add("arrears.messaging.mode", () -> "live");
        PROVIDER.settings().forEach((key, value) -> r.add(key, () -> value));
        r.add("arrears.messaging.webhook.secret", () -> "drill-webhook-secret"); // live mode refuses the default
        r.add("arrears.messaging.gateway.read-timeout", READ_TIMEOUT::toString);
        r.add("arrears.messaging.gateway.connect-timeout", () -> "PT1S");
        // backoff shortened for the drill. An attempt takes three requests to Solapi (create, add, send; or list,
        // status, send for a batch whose group is asked again), each failing or stalling 40% of the time, so an
        // attempt gets through about 0.6³ ≈ 22% of the time: 60 attempts, as 0.78⁶⁰ ≈ 3·10⁻⁷ is out of reach
        // (with 12, one batch in four ran out of attempts)
        r.add("arrears.messaging.retry.base", () -> "PT1S");
        r.add("arrears.messaging.retry.cap", () -> "PT4S");
        r.add("arrears.messaging.retry.max-attempts", () -> "60");
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Dispatcher dispatcher;

    @AfterAll
    static void stopStubs() {
        PROVIDER.close();
        SMTP.stop();
    }

    @Test
    void every_reminder_is_sent_and_accepted_exactly_once_although_the_provider_fails_30_and_stalls_10_percent() {
        int leases = DrillSize.current().leases(3_000, 50_000);
        LocalDateTime now = LocalDateTime.of(2026, 11, 5, 9, 0); // a Thursday morning, contact window open
        clock.set(now);
        new PortfolioGenerator(dataSource).generate(new PortfolioGenerator.Plan(leases, 5, YearMonth.of(2026, 10)));
        assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-11-05")).status()).isEqualTo(201);
        long texts = count("SELECT count(*) FROM message WHERE kind <> 'EMAIL'");
        long emails = count("SELECT count(*) FROM message WHERE kind = 'EMAIL'");
        assertThat(texts).as("the run queued text messages to send").isGreaterThan(50);

        long started = System.nanoTime();
        int rounds = 0;
        while (count("SELECT count(*) FROM message WHERE state IN ('QUEUED', 'SENDING')") > 0 && rounds < 300) {
            dispatcher.drain();
            now = now.plusSeconds(5); // past the longest backoff (4 s) and any Retry-After (1 s)
            clock.set(now);
            rounds++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Long> states = jdbc.sql("SELECT state, count(*) FROM message GROUP BY state")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(states).as("every message ends SENT").containsOnlyKeys("SENT");

        // exactly once at a provider without an idempotency key: each text added to one group once and sent
        // once, with the id we recorded
        int sent = Drills.assertTextsAcceptedOnce(jdbc, PROVIDER);
        assertThat(SMTP.getReceivedMessages()).hasSize((int) emails);

        // the faults really happened, and texts whose attempt failed or stalled were found in their group
        int requests = PROVIDER.requests.get();
        assertThat(PROVIDER.count(Outcome.ERROR_500) + PROVIDER.count(Outcome.ERROR_503) + PROVIDER.count(Outcome.DROPPED))
                .isBetween((int) (requests * 0.20), (int) (requests * 0.40));
        assertThat(PROVIDER.count(Outcome.STALLED)).isBetween((int) (requests * 0.05), (int) (requests * 0.18));
        long retried = count("SELECT count(*) FROM message WHERE kind <> 'EMAIL' AND attempts > 1");
        assertThat(retried).as("texts sent on a later attempt, after their group was asked").isPositive();

        // audit: one MESSAGE_SENT per message, one event per (case, stage), chain intact
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'MESSAGE_SENT'")).isEqualTo(texts + emails);
        assertThat(count("""
                SELECT count(*) FROM (SELECT subject_id FROM audit_event WHERE action = 'MESSAGE_SENT'
                                      GROUP BY subject_id HAVING count(*) > 1) twice""")).isZero();
        Drills.assertEachCaseStageOnce(jdbc);
        JsonNode verify = api.get("/api/audit/verify").body();
        assertThat(verify.get("intact").asBoolean()).isTrue();

        System.out.printf(java.util.Locale.ROOT,
                "GATEWAY FAULT DRILL (Solapi groups): leases=%d texts=%d emails=%d requests=%d sent=%d sentTwice=%d "
                        + "http500=%d http503=%d dropped=%d stalled=%d textsRetried=%d retryEvents=%d rounds=%d "
                        + "dispatch=%.1fs auditEvents=%d states=%s%n",
                leases, texts, emails, requests, sent, PROVIDER.sentTwice.size(),
                PROVIDER.count(Outcome.ERROR_500), PROVIDER.count(Outcome.ERROR_503), PROVIDER.count(Outcome.DROPPED),
                PROVIDER.count(Outcome.STALLED), retried,
                count("SELECT count(*) FROM audit_event WHERE action = 'MESSAGE_RETRY_SCHEDULED'"), rounds, seconds,
                verify.get("eventsChecked").asLong(), states);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
