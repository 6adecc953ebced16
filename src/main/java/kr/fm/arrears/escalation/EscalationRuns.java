package kr.fm.arrears.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.escalation.internal.AbandonedExecutions;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.Dates;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final Duration abandonedAfter;

    EscalationRuns(JdbcClient jdbc, TransactionTemplate tx, JobLauncher launcher, @Qualifier("escalationJob") Job job,
            Clock clock, RunHeartbeat heartbeat, AbandonedExecutions abandoned, ApplicationEventPublisher events,
            EscalationProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.launcher = launcher;
        this.job = job;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.abandoned = abandoned;
        this.events = events;
        this.abandonedAfter = properties.abandonedAfter();
    }

    /**
     * A run with what it did so far: every count grows in the same transaction as the page it counts.
     * {@code owner} is the instance executing it, {@code heartbeatAt} when it last said so.
     */
    public record RunView(long id, LocalDate businessDate, boolean dryRun, String status, String requestedBy,
            Instant requestedAt, Instant finishedAt, int leases, int opened, int advanced, int skipped, int resolved,
            int upcoming, int unchanged, String owner, Instant heartbeatAt, int errors, Instant voidedAt, String voidReason) {}

    /**
     * Runs the job for the date (synchronously) and returns the finished run, FAILED included. A real
     * run is only for today or earlier in Seoul: one for a later date would decide from a future that
     * has not happened, and then block every scheduled run until that date.
     */
    public RunView start(LocalDate businessDate, boolean dryRun, String actor) {
        Dates.requireInRange("businessDate", businessDate);
        LocalDate today = BusinessTime.today(clock);
        if (!dryRun && businessDate.isAfter(today)) {
            throw InvalidInput.of("businessDate", businessDate, "실제 실행은 오늘(" + today + ") 이전 날짜만 가능합니다. "
                    + "미래 날짜는 모의 실행(dryRun)으로만 볼 수 있습니다");
        }
        long id = tx.execute(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(RUNS_LOCK).query().singleRow();
            if (!dryRun) {
                futureRun(today).ifPresent(future -> {
                    throw new Conflict(futureRunMessage(future));
                });
                lastCompletedRealRun().filter(businessDate::isBefore).ifPresent(last -> {
                    throw new Conflict("실제 실행이 " + last + "까지 끝났습니다. 그보다 이른 날짜 "
                            + businessDate + "의 실제 실행은 할 수 없습니다 (모의 실행은 됩니다)");
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
    public RunView restart(Viewer viewer, long id) {
        RunView run = find(id).orElseThrow(() -> new NotFound("escalation run", id));
        if (run.status().startsWith("COMPLETED")) {
            throw new Conflict("실행 " + id + "은 이미 끝났습니다. 다시 시작할 것이 없습니다");
        }
        if (run.status().equals("STARTING") || run.status().equals("STARTED")) {
            if (!takeOver(id, viewer.name())) {
                throw new Conflict("실행 " + id + "은 " + owner(id)
                        + "에서 돌고 있습니다 (최근 신호가 있습니다). 그 프로세스가 사라진 뒤에만 다시 시작하세요");
            }
        } else if (run.status().equals("UNKNOWN")) {
            tx.executeWithoutResult(s -> {
                int pages = abandoned.fail(parameters(id, run.businessDate(), run.dryRun()),
                        "the database went away while a page was written; restarted from the pages committed");
                events.publishEvent(new RunRestarted(viewer.name(), id, "the run ended UNKNOWN (a page's rollback failed); "
                        + "its pages, counts and position commit together, so it carries on after the pages that did",
                        pages, run.leases()));
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
        return stale.stream().filter(id -> takeOver(id, Viewer.SYSTEM_NAME)).map(id -> {
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
                events.publishEvent(new RunAbandoned(actor, id, "its process was lost: no heartbeat for over "
                        + abandonedAfter.toSeconds() + " s", p.owner(), p.heartbeatAt(), pages, p.leases(), heartbeat.instance()));
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
                       skipped, resolved, upcoming, unchanged, owner, heartbeat_at, errors, voided_at, void_reason
                FROM escalation_run WHERE id = ?""").param(id).query(RunView.class).optional();
    }

    public Optional<LocalDate> lastCompletedRealRun() {
        return jdbc.sql("""
                SELECT business_date FROM escalation_run
                WHERE status IN ('COMPLETED', 'COMPLETED_WITH_ERRORS') AND NOT dry_run AND voided_at IS NULL
                ORDER BY business_date DESC LIMIT 1""").query(LocalDate.class).optional();
    }

    /**
     * A real run dated after today, not voided: it can only come from before the date rule (or a clock
     * set wrong), and it would refuse every run up to its date. The latest such run, if any.
     */
    public Optional<RunView> futureRun(LocalDate today) {
        return jdbc.sql("SELECT id FROM escalation_run WHERE NOT dry_run AND voided_at IS NULL AND business_date > ? "
                + "ORDER BY business_date DESC, id DESC LIMIT 1").param(today).query(Long.class).optional()
                .flatMap(this::find);
    }

    public static String futureRunMessage(RunView future) {
        return "오늘 이후 날짜 " + future.businessDate() + "의 실제 실행(" + future.id() + ")이 있습니다. ADMIN이 그 실행을 "
                + "무효로 할 때까지 그 날짜 이전의 실제 실행은 할 수 없습니다 (POST /api/escalation/runs/" + future.id()
                + "/void, 사유와 함께; docs/operations.md)";
    }

    /**
     * Voids a real run dated after today, so that it no longer counts as the last run. What it recorded
     * stays (stages, messages, notices are facts with their own audit); only its date stops blocking.
     */
    public RunView voidRun(long id, String reason, String actor) {
        RunView run = find(id).orElseThrow(() -> new NotFound("escalation run", id));
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", reason, "무효로 하는 이유를 적어 주세요");
        }
        if (run.voidedAt() != null) {
            throw new Conflict("실행 " + id + "은 이미 무효로 했습니다");
        }
        if (run.dryRun() || !run.businessDate().isAfter(BusinessTime.today(clock))) {
            throw new Conflict("오늘 이후 날짜의 실제 실행만 무효로 할 수 있습니다. 실행 " + id + "의 날짜는 "
                    + run.businessDate() + "입니다");
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE escalation_run SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), actor, reason, id).update();
            events.publishEvent(new RunVoided(actor, id, reason, run.businessDate(), run.status()));
        });
        return find(id).orElseThrow();
    }

    /** At start-up: a future-dated real run would silently refuse every scheduled run until its date. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warnOfFutureRun() {
        futureRun(BusinessTime.today(clock)).ifPresent(future -> log.warn(futureRunMessage(future)));
    }

    /** The errors of a run: leases that could not be decided or applied, with the reason. */
    public record RunError(long leaseId, String reason, Instant recordedAt) {}

    /** The latest real run that left run errors, with them: what the board shows staff. */
    public Optional<RunWithErrors> latestErrors() {
        return jdbc.sql("SELECT id FROM escalation_run WHERE NOT dry_run AND errors > 0 ORDER BY id DESC LIMIT 1")
                .query(Long.class).optional().flatMap(this::find).map(r -> new RunWithErrors(r, errors(r.id())));
    }

    /** A run with the leases it could not decide. */
    public record RunWithErrors(@com.fasterxml.jackson.annotation.JsonUnwrapped RunView run, List<RunError> errorLeases) {}

    public List<RunError> errors(long id) {
        return jdbc.sql("SELECT lease_id, reason, recorded_at FROM escalation_run_error WHERE run_id = ? ORDER BY lease_id")
                .param(id).query(RunError.class).list();
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
            throw new Conflict("실행 " + id + "을 시작할 수 없습니다: " + e.getMessage());
        } finally {
            heartbeat.stop(id);
        }
    }
}
