package kr.fm.arrears.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.escalation.internal.AbandonedExecutions;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.NotFound;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door of escalation runs, for the API and the schedule alike. A run is one Spring Batch
 * job instance; a failed run restarted is a further execution of it and carries on after its last
 * committed page. Runs only go forward: a real run for a date before the last completed real run is
 * refused (it would decide from a past the cases have already left). Dry runs may look at any date.
 *
 * <p>A run whose process died (kill -9, power cut) stays STARTED; its heartbeat stops. Once the
 * heartbeat is older than {@code arrears.escalation.abandoned-after}, {@link #recoverAbandoned}
 * (every instance with scheduling on calls it) or a restart marks it failed, audits that, and resumes
 * it after its last committed page. A run whose heartbeat is fresh is never taken over.
 */
@Component
public class EscalationRuns {

    private static final Logger log = LoggerFactory.getLogger(EscalationRuns.class);
    private static final long RUNS_LOCK = 0x457363616cL; // "Escal": serialises the date check with the insert

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobLauncher launcher;
    private final Job job;
    private final Clock clock;
    private final RunHeartbeat heartbeat;
    private final AbandonedExecutions abandoned;
    private final AuditLog audit;
    private final Duration abandonedAfter;

    EscalationRuns(JdbcClient jdbc, TransactionTemplate tx, JobLauncher launcher, @Qualifier("escalationJob") Job job,
            Clock clock, RunHeartbeat heartbeat, AbandonedExecutions abandoned, AuditLog audit,
            @Value("${arrears.escalation.abandoned-after:PT2M}") Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.launcher = launcher;
        this.job = job;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.abandoned = abandoned;
        this.audit = audit;
        this.abandonedAfter = abandonedAfter;
    }

    /**
     * A run with what it did so far: every count grows in the same transaction as the page it counts.
     * {@code owner} is the instance executing it, {@code heartbeatAt} when it last said so.
     */
    public record RunView(long id, LocalDate businessDate, boolean dryRun, String status, String requestedBy,
            Instant requestedAt, Instant finishedAt, int leases, int opened, int advanced, int skipped, int resolved,
            int upcoming, int unchanged, String owner, Instant heartbeatAt) {}

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
                    INSERT INTO escalation_run (business_date, dry_run, requested_by, requested_at, owner, heartbeat_at)
                    VALUES (?, ?, ?, ?, ?, now())
                    RETURNING id""")
                    .params(businessDate, dryRun, actor, Timestamp.from(BusinessTime.now(clock)), heartbeat.instance())
                    .query(Long.class).single();
        });
        launch(id, businessDate, dryRun);
        return find(id).orElseThrow();
    }

    /**
     * Carries on a failed or stopped run after its last committed page; a run left STARTED by a dead
     * process too, once its heartbeat is stale. A run still alive (here or on another instance) is refused.
     */
    public RunView restart(long id) {
        RunView run = find(id).orElseThrow(() -> new NotFound("escalation run", id));
        if (run.status().equals("COMPLETED")) {
            throw new Conflict("escalation run " + id + " has completed; there is nothing to restart");
        }
        if (run.status().equals("STARTING") || run.status().equals("STARTED")) {
            if (!takeOver(id, Actor.current())) {
                throw new Conflict("escalation run " + id + " is running on " + owner(id)
                        + " (its heartbeat is fresh); restart it only once its process is gone");
            }
        } else if (run.status().equals("UNKNOWN")) {
            tx.executeWithoutResult(s -> {
                int pages = abandoned.fail(parameters(id, run.businessDate(), run.dryRun()),
                        "the database went away while a page was written; restarted from the pages committed");
                audit.record(new AuditLog.Event(Actor.current(), "ESCALATION_RUN_UNKNOWN_RESTARTED", "ESCALATION_RUN",
                        String.valueOf(id), null, "the run ended UNKNOWN (a page's rollback failed); its pages, counts "
                        + "and position commit together, so it carries on after the pages that did",
                        AuditLog.details("pagesCommitted", pages, "leasesDone", run.leases())));
            });
        }
        launch(id, run.businessDate(), run.dryRun());
        return find(id).orElseThrow();
    }

    /**
     * Resumes every run whose process is gone: STARTING or STARTED, heartbeat older than
     * abandoned-after. Returns the runs resumed, each finished (or failed again) by the time it returns.
     */
    public List<RunView> recoverAbandoned() {
        List<Long> stale = jdbc.sql("""
                SELECT id FROM escalation_run
                WHERE status IN ('STARTING', 'STARTED') AND heartbeat_at < now() - make_interval(secs => ?)
                ORDER BY id""").param(abandonedAfter.toMillis() / 1000.0).query(Long.class).list();
        return stale.stream().filter(id -> takeOver(id, Actor.SYSTEM)).map(id -> {
            RunView run = find(id).orElseThrow();
            launch(id, run.businessDate(), run.dryRun());
            RunView resumed = find(id).orElseThrow();
            log.info("escalation run {} for {} resumed after its process was lost: {}", id, run.businessDate(), resumed.status());
            return resumed;
        }).toList();
    }

    /**
     * Makes a run whose heartbeat is stale ours, under its row lock (SKIP LOCKED: of several instances
     * looking at once, one wins, the others pass); then fails its Batch execution and audits the
     * take-over, in the same transaction. False when it is still alive.
     */
    private boolean takeOver(long id, String actor) {
        if (heartbeat.runsHere(id)) {
            return false;
        }
        record Previous(String owner, Instant heartbeatAt, int leases) {}
        Optional<Previous> previous = tx.execute(s -> {
            Optional<Previous> was = jdbc.sql("""
                    SELECT owner, heartbeat_at, leases FROM escalation_run
                    WHERE id = ? AND status IN ('STARTING', 'STARTED')
                      AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ?))
                    FOR UPDATE SKIP LOCKED""").params(id, abandonedAfter.toMillis() / 1000.0)
                    .query((rs, n) -> new Previous(rs.getString(1),
                            rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getInt(3)))
                    .optional();
            was.ifPresent(p -> {
                jdbc.sql("UPDATE escalation_run SET status = 'FAILED', owner = ?, heartbeat_at = now() WHERE id = ?")
                        .params(heartbeat.instance(), id).update();
                RunView run = find(id).orElseThrow();
                int pages = abandoned.fail(parameters(id, run.businessDate(), run.dryRun()),
                        "its process was lost (last heartbeat " + p.heartbeatAt() + " from " + p.owner() + ")");
                audit.record(new AuditLog.Event(actor, "ESCALATION_RUN_ABANDONED", "ESCALATION_RUN", String.valueOf(id), null,
                        "its process was lost: no heartbeat for over " + abandonedAfter.toSeconds() + " s",
                        AuditLog.details("previousOwner", p.owner(), "lastHeartbeat", String.valueOf(p.heartbeatAt()),
                                "pagesCommitted", pages, "leasesDone", p.leases(), "resumedBy", heartbeat.instance())));
            });
            return was;
        });
        return previous.isPresent();
    }

    private String owner(long id) {
        return jdbc.sql("SELECT coalesce(owner, 'another instance') FROM escalation_run WHERE id = ?").param(id)
                .query(String.class).single();
    }

    public Optional<RunView> find(long id) {
        return jdbc.sql("""
                SELECT id, business_date, dry_run, status, requested_by, requested_at, finished_at, leases, opened, advanced,
                       skipped, resolved, upcoming, unchanged, owner, heartbeat_at
                FROM escalation_run WHERE id = ?""").param(id).query(RunView.class).optional();
    }

    public Optional<LocalDate> lastCompletedRealRun() {
        return jdbc.sql("""
                SELECT business_date FROM escalation_run WHERE status = 'COMPLETED' AND NOT dry_run
                ORDER BY business_date DESC LIMIT 1""").query(LocalDate.class).optional();
    }

    private static JobParameters parameters(long id, LocalDate businessDate, boolean dryRun) {
        return new JobParametersBuilder()
                .addLong("run", id)
                .addLocalDate("businessDate", businessDate)
                .addJobParameter("dryRun", dryRun, Boolean.class)
                .toJobParameters();
    }

    private void launch(long id, LocalDate businessDate, boolean dryRun) {
        heartbeat.start(id);
        try {
            launcher.run(job, parameters(id, businessDate, dryRun));
        } catch (JobExecutionException e) {
            // still running, or complete already
            throw new Conflict("escalation run " + id + " cannot start: " + e.getMessage());
        } finally {
            heartbeat.stop(id);
        }
    }
}
