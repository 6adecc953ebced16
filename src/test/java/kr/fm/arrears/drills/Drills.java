package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The checks every drill ends with: nothing lost, nothing doubled. */
final class Drills {

    private Drills() {}

    /**
     * Every (case, stage) row has exactly one STAGE_REACHED or STAGE_SKIPPED audit event and no
     * (case, stage) was audited twice; every friendly reminder (lease, due date) likewise once; every
     * message was queued once per idempotency key (the key is unique, so: one audit event per message).
     */
    static void assertEachCaseStageOnce(JdbcClient jdbc) {
        assertThat(count(jdbc, """
                SELECT count(*) FROM (SELECT subject_id, details::jsonb ->> 'stage' FROM audit_event
                                      WHERE action IN ('STAGE_REACHED', 'STAGE_SKIPPED') AND subject_type = 'CASE'
                                      GROUP BY 1, 2 HAVING count(*) > 1) twice""")).as("(case, stage) audited twice").isZero();
        assertThat(count(jdbc, """
                SELECT count(*) FROM case_stage s
                WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.action IN ('STAGE_REACHED', 'STAGE_SKIPPED')
                                  AND e.subject_type = 'CASE' AND e.subject_id = s.case_id::text
                                  AND e.details::jsonb ->> 'stage' = s.stage::text)""")).as("(case, stage) without its event").isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action IN ('STAGE_REACHED', 'STAGE_SKIPPED') AND subject_type = 'CASE'"))
                .as("stage events = case_stage rows").isEqualTo(count(jdbc, "SELECT count(*) FROM case_stage"));
        assertThat(count(jdbc, """
                SELECT count(*) FROM audit_event WHERE action = 'STAGE_REACHED' AND subject_type = 'LEASE'"""))
                .as("reminder events = upcoming_reminder rows").isEqualTo(count(jdbc, "SELECT count(*) FROM upcoming_reminder"));
        assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action IN ('MESSAGE_QUEUED', 'MESSAGE_SKIPPED')"))
                .as("one queued event per message").isEqualTo(count(jdbc, "SELECT count(*) FROM message"));
    }

    /** A real SMTP server on 127.0.0.1; it and the drill's Quartz client keep quiet about routine work. */
    static GreenMail smtp() {
        for (String chatty : new String[] {"com.icegreen.greenmail", "org.quartz", "org.springframework.scheduling.quartz"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(chatty)).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    /**
     * Every text message is SENT-recorded with the provider id the provider gave for its request id, and
     * the provider accepted exactly those request ids, each once; every message (text or e-mail) has
     * one MESSAGE_SENT event. Returns the number of texts.
     */
    static int assertTextsAcceptedOnce(JdbcClient jdbc, FaultySolapi provider) {
        java.util.List<java.util.Map.Entry<String, String>> texts = jdbc.sql(
                        "SELECT idempotency_key, provider_id FROM message WHERE kind <> 'EMAIL'")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list();
        // without an idempotency key at the provider: each text added to one group once, and sent once
        assertThat(provider.accepted).hasSize(texts.size());
        assertThat(texts).allSatisfy(m -> assertThat(provider.accepted.get(m.getKey())).isEqualTo(m.getValue()));
        assertThat(provider.sentTwice).as("texts a second group sent again").isEmpty();
        assertThat(provider.storedPerKey.values()).as("texts added more than once").allMatch(n -> n.get() == 1);
        assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'MESSAGE_SENT'"))
                .isEqualTo(count(jdbc, "SELECT count(*) FROM message"));
        return texts.size();
    }

    /** Pages (chunks) the escalation step has committed so far. */
    static long committedPages(JdbcClient jdbc) {
        return count(jdbc, "SELECT coalesce(max(commit_count), 0) FROM batch_step_execution WHERE step_name = 'escalateLeases'");
    }

    static String runStatus(JdbcClient jdbc, long run) {
        return jdbc.sql("SELECT status FROM escalation_run WHERE id = ?").param(run).query(String.class).single();
    }

    static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
