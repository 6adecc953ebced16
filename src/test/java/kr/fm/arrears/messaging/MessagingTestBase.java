package kr.fm.arrears.messaging;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Policies;
import kr.fm.arrears.escalation.Policy;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.escalation.UpcomingDue;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A simulated messaging provider (WireMock) and a real SMTP server (GreenMail) in this JVM, the
 * example leases and payments imported, and stage events published the way the escalation engine
 * publishes them: inside a transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessagingTestBase {

    static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final String SECRET = "test-webhook-secret";

    static {
        PROVIDER.start();
        SMTP.start();
    }

    @DynamicPropertySource
    static void messaging(DynamicPropertyRegistry r) {
        r.add("arrears.messaging.mode", () -> "live");
        r.add("arrears.messaging.gateway.base-url", PROVIDER::baseUrl);
        r.add("arrears.messaging.gateway.api-key", () -> "test-key");
        r.add("arrears.messaging.gateway.read-timeout", () -> "PT2S");
        r.add("arrears.messaging.gateway.connect-timeout", () -> "PT2S");
        r.add("arrears.messaging.retry.base", () -> "PT10S");
        r.add("arrears.messaging.retry.cap", () -> "PT1M");
        r.add("arrears.messaging.retry.max-attempts", () -> "3");
        r.add("arrears.messaging.batch-size", () -> "5");
        r.add("arrears.messaging.webhook.secret", () -> SECRET);
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired Dispatcher dispatcher;
    @Autowired Portfolios portfolios;
    @Autowired Policies policies;

    final Map<String, Long> leaseIds = new HashMap<>();

    @BeforeAll
    void importExamples() {
        leaseIds.putAll(portfolios.given().examples().make().leaseIds());
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        jdbc.sql("DELETE FROM message_receipt").update();
        jdbc.sql("DELETE FROM message").update();
        jdbc.sql("DELETE FROM message_opt_out").update();
        jdbc.sql("DELETE FROM case_stage").update();
        jdbc.sql("DELETE FROM arrears_case").update();
        jdbc.sql("DELETE FROM escalation_policy WHERE landlord_id IS NOT NULL OR building_id IS NOT NULL").update();
        PROVIDER.resetAll();
        SMTP.purgeEmailFromAllMailboxes();
        clock.set(LocalDateTime.of(2026, 4, 15, 9, 0)); // a Wednesday morning
    }

    /** The escalation engine's side: a case of the lease reached a stage (business date 31 March). */
    long reach(String leaseCode, Stage stage, Channel... channels) {
        return reach(leaseCode, LocalDate.of(2026, 3, 31), stage, channels);
    }

    long reach(String leaseCode, LocalDate businessDate, Stage stage, Channel... channels) {
        long leaseId = leaseIds.get(leaseCode);
        long caseId = caseAt(leaseId, stage, businessDate);
        ladder(leaseId, stage, channels);
        publish(new StageReached(caseId, leaseId, stage, businessDate));
        return caseId;
    }

    /**
     * The lease's building sends {@code stage} on these channels: its own ladder, else the one in force,
     * with that stage's channels changed. Messaging takes a stage's channels from the lease's ladder.
     */
    void ladder(long leaseId, Stage stage, Channel... channels) {
        long building = jdbc.sql("SELECT building_id FROM lease WHERE id = ?").param(leaseId).query(Long.class).single();
        Policies.Scope scope = new Policies.Scope(null, building);
        List<Policy.StageRule> rules = new java.util.ArrayList<>(policies.effective(scope).policy().rules());
        Policy.StageRule r = rules.get(stage.ordinal());
        rules.set(stage.ordinal(), new Policy.StageRule(r.stage(), r.enabled(), r.trigger(), r.threshold(), List.of(channels),
                r.template(), r.needsApproval(), r.needsLandlordConsent()));
        policies.put(scope, rules, "test");
    }

    /**
     * The lease's case as the run leaves it when it reaches the stage: open at that stage (a thank-you's
     * case closed), so the dispatcher's last look finds what the run decided still true.
     */
    long caseAt(long leaseId, Stage stage, LocalDate businessDate) {
        jdbc.sql("UPDATE arrears_case SET closed_on = ? WHERE lease_id = ? AND closed_on IS NULL").params(businessDate, leaseId)
                .update();
        return jdbc.sql("""
                INSERT INTO arrears_case (lease_id, opened_on, stage, closed_on) VALUES (?, ?, CAST(? AS escalation_stage), ?)
                RETURNING id""").params(leaseId, businessDate, stage.name(), stage == Stage.RESOLVED ? businessDate : null)
                .query(Long.class).single();
    }

    /** What production publishes: a page of a run, here of one stage reached ... */
    void publish(StageReached reached) {
        publish(new StepsApplied(List.of(reached), List.of()));
    }

    /** ... or of one friendly reminder. */
    void publish(UpcomingDue upcoming) {
        publish(new StepsApplied(List.of(), List.of(upcoming)));
    }

    void publish(StepsApplied page) {
        tx.executeWithoutResult(s -> events.publishEvent(page));
    }

    Message only(long caseId) {
        List<Message> rows = messages(caseId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    List<Message> messages(long caseId) {
        return jdbc.sql("SELECT id FROM message WHERE case_id = ? ORDER BY id").param(caseId).query(Long.class).list()
                .stream().map(id -> api.get("/api/messages/" + id)).map(r -> toMessage(r.body())).toList();
    }

    Message message(long id) {
        return toMessage(api.get("/api/messages/" + id).body());
    }

    private static Message toMessage(JsonNode n) {
        return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().convertValue(n, Message.class);
    }

    long auditCount(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ?").param(action).query(Long.class).single();
    }
}
