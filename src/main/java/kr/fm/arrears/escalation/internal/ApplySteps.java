package kr.fm.arrears.escalation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.fm.arrears.escalation.Decision;
import kr.fm.arrears.escalation.LeasesFailed;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.Step;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.escalation.StepsRecorded;
import kr.fm.arrears.escalation.UpcomingDue;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.context.ApplicationEventPublisher;
import kr.fm.arrears.db.GrowingTables;
import kr.fm.arrears.ledger.LeaseArrears;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies a page of steps in the chunk's transaction, set-based. Exactly once rests on the database:
 * one open case per lease, UNIQUE (case, stage), UNIQUE (lease, due date); every insert is ON
 * CONFLICT DO NOTHING, and only a row actually inserted is in the page's {@link StepsRecorded} (the audit trail's), and only one
 * inserted as REACHED in its {@link StepsApplied}.
 * Listeners (messaging, notices) run synchronously in this transaction, so a failure anywhere rolls
 * back the whole page and a restart does it again, once.
 */
class ApplySteps implements ItemWriter<List<Decision>> {

    /** The cases and stages a run adds: see {@link GrowingTables}. One count for the process, whatever the run. */
    private static final GrowingTables CASES = new GrowingTables("arrears_case, case_stage");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final long runId;
    private final LocalDate date;
    private final boolean dryRun;
    private final RunHooks hooks;

    ApplySteps(JdbcClient jdbc, ApplicationEventPublisher events, long runId, LocalDate date, boolean dryRun,
            RunHooks hooks) {
        this.hooks = hooks;
        this.jdbc = jdbc;
        this.events = events;
        this.runId = runId;
        this.date = date;
        this.dryRun = dryRun;
    }

    /** A (case, stage) row to record, with the decision it came from. */
    private record Row(long caseId, Decision decision, Stage stage, boolean reached) {}

    @Override
    public void write(Chunk<? extends List<Decision>> chunk) {
        List<Decision> decisions = new ArrayList<>();
        List<Decision> failed = new ArrayList<>();
        chunk.forEach(page -> page.forEach(d -> (d.step() instanceof Step.Failed ? failed : decisions).add(d)));
        Counts counts = dryRun ? wouldDo(decisions) : apply(decisions);
        if (!dryRun) {
            CASES.added(counts.opened() + counts.advanced() + counts.skipped(), jdbc);
        }
        int errors = recordErrors(failed);
        jdbc.sql("""
                UPDATE escalation_run SET leases = leases + ?, opened = opened + ?, advanced = advanced + ?,
                       skipped = skipped + ?, resolved = resolved + ?, upcoming = upcoming + ?, unchanged = unchanged + ?,
                       errors = errors + ?
                WHERE id = ?""")
                .params(counts.leases() + failed.size(), counts.opened(), counts.advanced(), counts.skipped(),
                        counts.resolved(), counts.upcoming(), counts.unchanged(), errors, runId)
                .update();
    }

    /**
     * The leases of the page that could not be decided: one row each (a page done again after a
     * restart records its errors once), audited. The rest of the page goes on as if they were absent.
     */
    private int recordErrors(List<Decision> failed) {
        if (failed.isEmpty()) {
            return 0;
        }
        List<Long> recorded = jdbc.sql("""
                INSERT INTO escalation_run_error (run_id, lease_id, reason)
                SELECT ?, l, r FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS x (l, r)
                ON CONFLICT (run_id, lease_id) DO NOTHING RETURNING lease_id""")
                .params(runId, failed.stream().map(d -> d.lease().leaseId()).toArray(Long[]::new),
                        failed.stream().map(d -> ((Step.Failed) d.step()).reason()).toArray(String[]::new))
                .query(Long.class).list();
        List<LeasesFailed.Failed> leases = failed.stream().filter(d -> recorded.contains(d.lease().leaseId()))
                .map(d -> new LeasesFailed.Failed(d.lease().leaseId(), ((Step.Failed) d.step()).reason())).toList();
        if (!leases.isEmpty()) {
            events.publishEvent(new LeasesFailed(runId, date, leases));
        }
        return recorded.size();
    }

    private Counts apply(List<Decision> page) {
        List<Decision> decisions = withoutHeldCases(page);
        List<StepsRecorded.Opened> opened = new ArrayList<>();
        Set<Long> touched = new HashSet<>();
        Map<Long, Long> caseOf = openCases(decisions, opened, touched);
        int openedCount = touched.size(); // so far, touched holds only the leases whose case this page opened

        List<Row> rows = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.step() instanceof Step.Open o) {
                addRows(rows, caseOf.get(d.lease().leaseId()), d, o.reach(), o.skipped());
            } else if (d.step() instanceof Step.Advance a) {
                addRows(rows, a.caseId(), d, a.reach(), a.skipped());
            } else if (d.step() instanceof Step.Resolve r) {
                rows.add(new Row(r.caseId(), d, Stage.RESOLVED, r.announce()));
            }
        }
        List<Row> recorded = record(rows);
        int advanced = 0;
        int skipped = 0;
        List<Long> resolvedCases = new ArrayList<>();
        List<StepsRecorded.Staged> stages = new ArrayList<>(recorded.size());
        for (Row r : recorded) {
            touched.add(r.decision().lease().leaseId());
            if (r.stage() == Stage.RESOLVED) {
                resolvedCases.add(r.caseId());
            } else if (r.reached()) {
                advanced++;
            } else {
                skipped++;
            }
            stages.add(new StepsRecorded.Staged(r.caseId(), r.decision().lease().leaseId(), r.stage(), r.reached()));
        }
        moveCasesUp(recorded);
        closeCases(resolvedCases);
        List<UpcomingDue> reminders = remind(decisions, touched);
        StepsRecorded written = new StepsRecorded(runId, date, opened, stages, reminders);
        if (!written.isEmpty()) {
            events.publishEvent(written);
        }

        // listeners enqueue messages and draft notices in this same transaction, a page at a time
        List<StageReached> reached = new ArrayList<>();
        for (Row r : recorded) {
            if (r.reached()) {
                reached.add(new StageReached(r.caseId(), r.decision().lease().leaseId(), r.stage(), date));
            }
        }
        if (!reached.isEmpty() || !reminders.isEmpty()) {
            Map<Long, LeaseArrears> arrears = new HashMap<>();
            for (Decision d : decisions) {
                if (d.arrears() != null) {
                    arrears.put(d.lease().leaseId(), d.arrears());
                }
            }
            events.publishEvent(new StepsApplied(reached, reminders, arrears));
        }
        return new Counts(page.size(), openedCount, advanced, skipped, resolvedCases.size(), reminders.size(),
                page.size() - touched.size());
    }

    /**
     * A pause recorded while the page was being decided wins over the page (SPEC): the page takes its
     * existing cases' rows (FOR UPDATE, in id order so two runs cannot deadlock) and drops the steps of
     * every case paused on the business date, held by a payment plan agreed, or closed meanwhile. A pause arriving after the lock waits
     * for the page's commit; what the page queued then is cancelled by the dispatcher's last look.
     */
    private List<Decision> withoutHeldCases(List<Decision> page) {
        List<Long> caseIds = page.stream().map(ApplySteps::caseOf).filter(java.util.Objects::nonNull).toList();
        hooks.beforeLockingCases(caseIds);
        if (caseIds.isEmpty()) {
            return page;
        }
        Set<Long> held = new HashSet<>(jdbc.sql("""
                SELECT id, closed_on IS NOT NULL OR coalesce(paused_until >= ?, FALSE)
                       OR EXISTS (SELECT 1 FROM payment_plan p WHERE p.case_id = c.id AND p.status = 'ACTIVE') AS held
                FROM arrears_case c WHERE id = ANY(?) ORDER BY id FOR UPDATE OF c""")
                .params(date, caseIds.toArray(Long[]::new))
                .query((rs, n) -> rs.getBoolean("held") ? rs.getLong("id") : null).list().stream()
                .filter(java.util.Objects::nonNull).toList());
        return held.isEmpty() ? page : page.stream().filter(d -> !held.contains(caseOf(d))).toList();
    }

    private static Long caseOf(Decision d) {
        return d.step() instanceof Step.Advance a ? Long.valueOf(a.caseId())
                : d.step() instanceof Step.Resolve r ? Long.valueOf(r.caseId()) : null;
    }

    private static void addRows(List<Row> rows, long caseId, Decision d, Stage reach, List<Stage> skipped) {
        // lowest first, so the history reads in ladder order
        skipped.forEach(s -> rows.add(new Row(caseId, d, s, false)));
        if (reach != null) {
            rows.add(new Row(caseId, d, reach, true));
        }
    }

    /** Opens the cases to open (one open case per lease even if two runs race) and returns each lease's open case. */
    private Map<Long, Long> openCases(List<Decision> decisions, List<StepsRecorded.Opened> opened, Set<Long> touched) {
        Long[] leases = decisions.stream().filter(d -> d.step() instanceof Step.Open).map(d -> d.lease().leaseId())
                .toArray(Long[]::new);
        Map<Long, Long> caseOf = new HashMap<>();
        if (leases.length == 0) {
            return caseOf;
        }
        jdbc.sql("""
                INSERT INTO arrears_case (lease_id, opened_on) SELECT unnest(CAST(? AS BIGINT[])), ?
                ON CONFLICT (lease_id) WHERE closed_on IS NULL DO NOTHING RETURNING id, lease_id""")
                .params(leases, date)
                .query(rs -> {
                    long caseId = rs.getLong("id");
                    long leaseId = rs.getLong("lease_id");
                    caseOf.put(leaseId, caseId);
                    touched.add(leaseId);
                    opened.add(new StepsRecorded.Opened(caseId, leaseId));
                });
        if (caseOf.size() < leases.length) {
            // another run opened some of them first: carry on with its case
            jdbc.sql("SELECT id, lease_id FROM arrears_case WHERE lease_id = ANY(?) AND closed_on IS NULL")
                    .param(leases)
                    .query(rs -> {
                        caseOf.putIfAbsent(rs.getLong("lease_id"), rs.getLong("id"));
                    });
        }
        return caseOf;
    }

    /** Inserts the (case, stage) rows; returns those actually inserted, in the order given. */
    private List<Row> record(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Set<String> inserted = new HashSet<>();
        jdbc.sql("""
                INSERT INTO case_stage (case_id, stage, status, business_date, run_id)
                SELECT c, CAST(s AS escalation_stage), st, ?, ?
                FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS x (c, s, st)
                ON CONFLICT (case_id, stage) DO NOTHING RETURNING case_id, stage::text""")
                .params(date, runId, rows.stream().map(Row::caseId).toArray(Long[]::new),
                        rows.stream().map(r -> r.stage().name()).toArray(String[]::new),
                        rows.stream().map(r -> r.reached() ? "REACHED" : "SKIPPED").toArray(String[]::new))
                .query(rs -> {
                    inserted.add(rs.getLong(1) + ":" + rs.getString(2));
                });
        return rows.stream().filter(r -> inserted.contains(r.caseId() + ":" + r.stage().name())).toList();
    }

    /** The case's current stage only ever rises, even when runs for two dates overlap. */
    private void moveCasesUp(List<Row> recorded) {
        List<Row> reached = recorded.stream().filter(r -> r.reached() && r.stage() != Stage.RESOLVED).toList();
        if (reached.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE arrears_case c SET stage = CAST(x.s AS escalation_stage)
                FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS x (id, s)
                WHERE c.id = x.id AND (c.stage IS NULL OR c.stage < CAST(x.s AS escalation_stage))""")
                .params(reached.stream().map(Row::caseId).toArray(Long[]::new),
                        reached.stream().map(r -> r.stage().name()).toArray(String[]::new))
                .update();
    }

    private void closeCases(List<Long> resolved) {
        if (resolved.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE arrears_case SET closed_on = ?, stage = 'RESOLVED' WHERE id = ANY(?) AND closed_on IS NULL")
                .params(date, resolved.toArray(Long[]::new)).update();
    }

    /** UPCOMING reminders, once per (lease, due date). */
    private List<UpcomingDue> remind(List<Decision> decisions, Set<Long> touched) {
        List<Decision> reminds = decisions.stream().filter(d -> d.step() instanceof Step.Remind).toList();
        if (reminds.isEmpty()) {
            return List.of();
        }
        Set<Long> inserted = new HashSet<>();
        jdbc.sql("""
                INSERT INTO upcoming_reminder (lease_id, due_date, amount, business_date, run_id)
                SELECT l, d, a, ?, ? FROM unnest(CAST(? AS BIGINT[]), CAST(CAST(? AS TEXT[]) AS DATE[]), CAST(? AS BIGINT[])) AS x (l, d, a)
                ON CONFLICT (lease_id, due_date) DO NOTHING RETURNING lease_id""")
                .params(date, runId, reminds.stream().map(d -> d.lease().leaseId()).toArray(Long[]::new),
                        reminds.stream().map(d -> ((Step.Remind) d.step()).dueDate().toString()).toArray(String[]::new),
                        reminds.stream().map(d -> ((Step.Remind) d.step()).amount()).toArray(Long[]::new))
                .query(rs -> {
                    inserted.add(rs.getLong(1));
                });
        List<UpcomingDue> published = new ArrayList<>();
        for (Decision d : reminds) {
            if (inserted.contains(d.lease().leaseId())) {
                Step.Remind r = (Step.Remind) d.step();
                touched.add(d.lease().leaseId());
                published.add(new UpcomingDue(d.lease().leaseId(), r.dueDate(), r.amount(), date));
            }
        }
        return published;
    }

    /** A dry run writes nothing but its counts: what the steps would do if none had been applied yet. */
    private static Counts wouldDo(List<Decision> decisions) {
        int opened = 0, advanced = 0, skipped = 0, resolved = 0, upcoming = 0, unchanged = 0;
        for (Decision d : decisions) {
            if (d.step() instanceof Step.Open o) {
                opened++;
                advanced += o.reach() == null ? 0 : 1;
                skipped += o.skipped().size();
            } else if (d.step() instanceof Step.Advance a) {
                advanced++;
                skipped += a.skipped().size();
            } else if (d.step() instanceof Step.Resolve) {
                resolved++;
            } else if (d.step() instanceof Step.Remind) {
                upcoming++;
            } else {
                unchanged++;
            }
        }
        return new Counts(decisions.size(), opened, advanced, skipped, resolved, upcoming, unchanged);
    }
}
