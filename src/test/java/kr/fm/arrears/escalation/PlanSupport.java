package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.messaging.Dispatcher;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the payment-plan tests share: the morning of a date (the clock set, the run through the API as the
 * 09:00 schedule does, then the outbox drained as the dispatcher would), and the outbox rows of a case.
 */
record PlanSupport(Api api, TestClock clock, JdbcClient jdbc, Dispatcher dispatcher) {

    /** Every morning from {@code from} to {@code to}, both included. */
    void mornings(String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            morning(d);
        }
    }

    void morning(LocalDate date) {
        clock.set(date);
        Api.Response run = api.postJson("/api/escalation/runs", Map.of("businessDate", date.toString(), "dryRun", false));
        assertThat(run.status()).as("run on %s: %s", date, run.body()).isEqualTo(201);
        assertThat(run.body().get("status").asText()).isEqualTo("COMPLETED");
        dispatcher.drain(); // Sundays and holidays hold the texts until the next business morning
    }

    long caseOf(long leaseId) {
        return jdbc.sql("SELECT max(id) FROM arrears_case WHERE lease_id = ?").param(leaseId).query(Long.class).single();
    }

    /** "STAGE CHANNEL STATE[/REASON] due-date created-on" for each outbox row of the case, oldest first. */
    List<String> outbox(long caseId) {
        return jdbc.sql("""
                SELECT stage || ' ' || channel || ' ' || state || coalesce('/' || cancel_reason, '')
                       || coalesce(' ' || due_date, '') || ' ' || CAST(created_at AT TIME ZONE 'Asia/Seoul' AS DATE)
                FROM message WHERE case_id = ? ORDER BY id""").param(caseId).query(String.class).list();
    }

    List<String> stages(long caseId) {
        return jdbc.sql("SELECT stage::text || ':' || status FROM case_stage WHERE case_id = ? ORDER BY stage")
                .param(caseId).query(String.class).list();
    }

    long audited(String action, long caseId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_type = 'CASE' AND subject_id = ?")
                .params(action, String.valueOf(caseId)).query(Long.class).single();
    }
}
