package kr.fm.arrears.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.NotFound;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door of escalation runs, for the API and the schedule alike. A run is one Spring Batch
 * job instance; a failed run restarted is a further execution of it and carries on after its last
 * committed page. Runs only go forward: a real run for a date before the last completed real run is
 * refused (it would decide from a past the cases have already left). Dry runs may look at any date.
 */
@Component
public class EscalationRuns {

    private static final long RUNS_LOCK = 0x457363616cL; // "Escal": serialises the date check with the insert

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobLauncher launcher;
    private final Job job;
    private final Clock clock;

    public EscalationRuns(JdbcClient jdbc, TransactionTemplate tx, JobLauncher launcher,
            @Qualifier("escalationJob") Job job, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.launcher = launcher;
        this.job = job;
        this.clock = clock;
    }

    /** A run with what it did so far: every count grows in the same transaction as the page it counts. */
    public record RunView(long id, LocalDate businessDate, boolean dryRun, String status, String requestedBy,
            Instant requestedAt, Instant finishedAt, int leases, int opened, int advanced, int skipped, int resolved,
            int upcoming, int unchanged) {}

    /** Runs the job for the date (synchronously) and returns the finished run, FAILED included. */
    public RunView start(LocalDate businessDate, boolean dryRun, String actor) {
        long id = tx.execute(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(RUNS_LOCK).query().singleRow();
            if (!dryRun) {
                lastCompletedRealRun().filter(businessDate::isBefore).ifPresent(last -> {
                    throw new Conflict("a real run for " + last + " has completed; a real run for the earlier date "
                            + businessDate + " is refused (a dry run for it is fine)");
                });
            }
            return jdbc.sql("""
                    INSERT INTO escalation_run (business_date, dry_run, requested_by, requested_at) VALUES (?, ?, ?, ?)
                    RETURNING id""")
                    .params(businessDate, dryRun, actor, Timestamp.from(BusinessTime.now(clock))).query(Long.class).single();
        });
        launch(id, businessDate, dryRun);
        return find(id).orElseThrow();
    }

    /** Carries on a failed or stopped run after its last committed page. */
    public RunView restart(long id) {
        RunView run = find(id).orElseThrow(() -> new NotFound("escalation run", id));
        if (run.status().equals("COMPLETED")) {
            throw new Conflict("escalation run " + id + " has completed; there is nothing to restart");
        }
        launch(id, run.businessDate(), run.dryRun());
        return find(id).orElseThrow();
    }

    public Optional<RunView> find(long id) {
        return jdbc.sql("""
                SELECT id, business_date, dry_run, status, requested_by, requested_at, finished_at, leases, opened, advanced,
                       skipped, resolved, upcoming, unchanged
                FROM escalation_run WHERE id = ?""").param(id).query(RunView.class).optional();
    }

    public Optional<LocalDate> lastCompletedRealRun() {
        return jdbc.sql("""
                SELECT business_date FROM escalation_run WHERE status = 'COMPLETED' AND NOT dry_run
                ORDER BY business_date DESC LIMIT 1""").query(LocalDate.class).optional();
    }

    private void launch(long id, LocalDate businessDate, boolean dryRun) {
        JobParameters parameters = new JobParametersBuilder()
                .addLong("run", id)
                .addLocalDate("businessDate", businessDate)
                .addJobParameter("dryRun", dryRun, Boolean.class)
                .toJobParameters();
        try {
            launcher.run(job, parameters);
        } catch (JobExecutionException e) {
            // still running (or its process died: see docs/escalation.md), or complete already
            throw new Conflict("escalation run " + id + " cannot start: " + e.getMessage());
        }
    }
}
