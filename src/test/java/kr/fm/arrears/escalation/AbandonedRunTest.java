package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run left STARTED by a process that died: taken over only once its heartbeat is stale (default:
 * 2 minutes), audited, and finished; a run whose heartbeat is fresh is never taken over. The process
 * kill itself, with the Batch side half done, is the drill {@code KillDuringRunDrillTest}.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbandonedRunTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired EscalationRuns runs;

    @BeforeAll
    void oneLeaseUnpaidSince10March() {
        clock.set(LocalDate.of(2026, 3, 1));
        portfolios.given().lease(Portfolios.lease("ABANDONED-1").unit("301")).make();
        clock.set(LocalDate.of(2026, 3, 11));
    }

    @BeforeEach
    void noUnfinishedRuns() {
        jdbc.sql("DELETE FROM escalation_run WHERE status <> 'COMPLETED'").update();
    }

    @Test
    void a_run_whose_instance_still_beats_is_refused_a_restart_naming_that_instance() {
        long run = leftStarted("factory-2/4711/alive", "now()");

        Api.Response refused = api.postJson("/api/escalation/runs/" + run + "/restart", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("factory-2/4711/alive", "최근 신호가 있습니다");
        assertThat(runs.recoverAbandoned()).isEmpty();
        assertThat(runs.find(run).orElseThrow().status()).isEqualTo("STARTED");
        assertThat(auditCount(run)).isZero();
    }

    @Test
    void a_run_whose_heartbeat_stopped_is_taken_over_audited_and_finished_once() {
        long run = leftStarted("factory-1/1234/gone", "now() - interval '10 minutes'");

        List<EscalationRuns.RunView> resumed = runs.recoverAbandoned();

        assertThat(resumed).extracting(EscalationRuns.RunView::id, EscalationRuns.RunView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(run, "COMPLETED"));
        assertThat(resumed.get(0).owner()).isNotEqualTo("factory-1/1234/gone");
        JsonNode cases = api.get("/api/cases").body();
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("stage").asText()).isEqualTo("REMINDER_1");
        assertThat(auditCount(run)).isOne();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE action = 'ESCALATION_RUN_ABANDONED' AND subject_id = ?")
                .param(String.valueOf(run)).query(String.class).single()).contains("\"previousOwner\":\"factory-1/1234/gone\"");
        // a second look finds nothing to take over, and a new stale run for the date adds nothing
        assertThat(runs.recoverAbandoned()).isEmpty();
        long again = leftStarted("factory-1/1234/gone", "now() - interval '10 minutes'");
        assertThat(runs.recoverAbandoned()).singleElement().satisfies(r -> assertThat(r.opened() + r.advanced()).isZero());
        assertThat(jdbc.sql("SELECT count(*) FROM case_stage").query(Long.class).single()).isOne();
        assertThat(auditCount(again)).isOne();
    }

    /** What a process killed before its first page leaves behind: the run row, STARTED, and its last heartbeat. */
    private long leftStarted(String owner, String heartbeat) {
        return jdbc.sql("INSERT INTO escalation_run (business_date, dry_run, requested_by, requested_at, status, owner, heartbeat_at) "
                + "VALUES (DATE '2026-03-11', FALSE, 'SYSTEM', now(), 'STARTED', ?, " + heartbeat + ") RETURNING id")
                .param(owner).query(Long.class).single();
    }

    private long auditCount(long run) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ESCALATION_RUN_ABANDONED' AND subject_id = ?")
                .param(String.valueOf(run)).query(Long.class).single();
    }
}
