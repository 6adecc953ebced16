package kr.fm.arrears.escalation;

import kr.fm.arrears.shared.Viewer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrears cases: what the run opened and moved, as people look at them, and the MANAGER's pause.
 * Reads are narrowed to a LANDLORD's own buildings in SQL (the ledger's {@link LeaseScope} of the
 * {@link kr.fm.arrears.shared.Viewer} handed in); leases are named by the ledger, a page at a time.
 */
@Component
@RequiredArgsConstructor
public class Cases {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final LedgerViews views;
    private final Clock clock;

    /** {@code planned}: an ACTIVE payment plan holds the case ({@link PaymentPlans}). */
    public record CaseView(long id, long leaseId, String leaseCode, String tenantName, long buildingId, long landlordId,
            Stage stage, LocalDate openedOn, LocalDate closedOn, LocalDate pausedUntil, String pauseReason,
            String pausedBy, boolean paused, List<StageEntry> history, boolean planned) {}

    /** One line of a case's history: a stage reached (sent) or skipped (recorded, never sent). */
    public record StageEntry(Stage stage, String status, LocalDate businessDate, Long runId, Instant recordedAt) {}

    /** {@code planned}: only the cases an ACTIVE payment plan holds (true), or none of them (false). */
    public record Filter(Stage stage, Long landlordId, Long buildingId, Boolean paused, Boolean open, Boolean planned) {

        public Filter(Stage stage, Long landlordId, Long buildingId, Boolean paused, Boolean open) {
            this(stage, landlordId, buildingId, paused, open, null);
        }
    }

    private static final String CASE = """
            SELECT c.id, c.lease_id, c.stage::text AS stage, c.opened_on, c.closed_on, c.paused_until, c.pause_reason, c.paused_by,
                   EXISTS (SELECT 1 FROM payment_plan p WHERE p.case_id = c.id AND p.status = 'ACTIVE') AS planned
            FROM arrears_case c
            """;

    /** A case row before its lease is named (the ledger names it, for a whole page of cases at once). */
    private record Row(long id, long leaseId, Stage stage, LocalDate openedOn, LocalDate closedOn, LocalDate pausedUntil,
            String pauseReason, String pausedBy, boolean planned) {}

    /** The open cases of these leases, by lease: what the run decides from. */
    public Map<Long, CaseState> openCases(Collection<Long> leaseIds) {
        Map<Long, CaseState> open = new HashMap<>();
        jdbc.sql("SELECT id, lease_id, stage::text AS stage, paused_until, " + PLANNED
                        + " FROM arrears_case c WHERE lease_id = ANY(?) AND closed_on IS NULL")
                .param(leaseIds.toArray(Long[]::new))
                .query(rs -> {
                    String stage = rs.getString("stage");
                    open.put(rs.getLong("lease_id"), new CaseState(rs.getLong("id"), stage == null ? null : Stage.valueOf(stage),
                            rs.getObject("paused_until", LocalDate.class), rs.getBoolean("planned")));
                });
        return open;
    }

    /** Whether an ACTIVE payment plan holds the case {@code c}: one EXISTS, read with the case. */
    static final String PLANNED = "EXISTS (SELECT 1 FROM payment_plan p WHERE p.case_id = c.id AND p.status = 'ACTIVE') AS planned";

    /**
     * Where a case stands now: what a message decided earlier is checked against just before it leaves.
     * {@code planned}: an ACTIVE payment plan holds it.
     */
    public record Standing(long caseId, long leaseId, Stage stage, boolean closed, LocalDate pausedUntil, boolean planned) {

        public boolean pausedOn(LocalDate date) {
            return pausedUntil != null && !date.isAfter(pausedUntil);
        }
    }

    /** The cases by id, in one query; an unknown id is absent. */
    public Map<Long, Standing> standing(Collection<Long> caseIds) {
        Map<Long, Standing> result = new HashMap<>();
        jdbc.sql("SELECT id, lease_id, stage::text AS stage, closed_on, paused_until, " + PLANNED
                        + " FROM arrears_case c WHERE id = ANY(?)")
                .param(caseIds.toArray(Long[]::new))
                .query(rs -> {
                    String stage = rs.getString("stage");
                    result.put(rs.getLong("id"), new Standing(rs.getLong("id"), rs.getLong("lease_id"),
                            stage == null ? null : Stage.valueOf(stage), rs.getObject("closed_on") != null,
                            rs.getObject("paused_until", LocalDate.class), rs.getBoolean("planned")));
                });
        return result;
    }

    /**
     * Every open case matching the filter ({@code open} is ignored), without names: what a board sorts,
     * sums and pages through in memory. A LANDLORD gets only the cases of their own buildings.
     */
    public List<Standing> openStandings(Viewer viewer, Filter f) {
        LocalDate today = BusinessTime.today(clock);
        LeaseScope scope = ledger.scope(viewer, f.landlordId(), f.buildingId());
        return jdbc.sql("""
                SELECT * FROM (SELECT c.id, c.lease_id, c.stage::text AS stage, c.paused_until, """ + PLANNED + """
                 FROM arrears_case c
                WHERE c.closed_on IS NULL AND (CAST(:stage AS TEXT) IS NULL OR c.stage = CAST(:stage AS escalation_stage))
                  AND """ + LeaseScope.condition("c.lease_id") + """

                  AND (CAST(:paused AS BOOLEAN) IS NULL OR (coalesce(c.paused_until >= :today, FALSE) = :paused))) x
                WHERE CAST(:planned AS BOOLEAN) IS NULL OR x.planned = :planned
                ORDER BY x.id""")
                .param("stage", f.stage() == null ? null : f.stage().name()).param("leases", scope.ids())
                .param("paused", f.paused()).param("today", today).param("planned", f.planned())
                .query((rs, n) -> {
                    String stage = rs.getString("stage");
                    return new Standing(rs.getLong("id"), rs.getLong("lease_id"), stage == null ? null : Stage.valueOf(stage),
                            false, rs.getObject("paused_until", LocalDate.class), rs.getBoolean("planned"));
                })
                .list();
    }

    public List<CaseView> list(Viewer viewer, Filter f, int limit, int offset) {
        LocalDate today = BusinessTime.today(clock);
        LeaseScope scope = ledger.scope(viewer, f.landlordId(), f.buildingId());
        return views(jdbc.sql(CASE + """
                WHERE (CAST(:stage AS TEXT) IS NULL OR c.stage = CAST(:stage AS escalation_stage))
                  AND """ + LeaseScope.condition("c.lease_id") + """

                  AND (CAST(:paused AS BOOLEAN) IS NULL OR (coalesce(c.paused_until >= :today, FALSE) = :paused))
                  AND (CAST(:open AS BOOLEAN) IS NULL OR ((c.closed_on IS NULL) = :open))
                ORDER BY c.id LIMIT :limit OFFSET :offset""")
                .param("stage", f.stage() == null ? null : f.stage().name()).param("leases", scope.ids())
                .param("paused", f.paused()).param("open", f.open())
                .param("today", today).param("limit", limit).param("offset", offset)
                .query(Cases::row).list(), today, row -> List.of());
    }

    public Optional<CaseView> find(Viewer viewer, long id) {
        LocalDate today = BusinessTime.today(clock);
        List<StageEntry> history = jdbc.sql("""
                SELECT s.stage::text AS stage, s.status, s.business_date, s.run_id, s.recorded_at FROM case_stage s
                WHERE s.case_id = ? ORDER BY s.stage""").param(id)
                .query((rs, n) -> new StageEntry(Stage.valueOf(rs.getString("stage")), rs.getString("status"),
                        rs.getObject("business_date", LocalDate.class), (Long) rs.getObject("run_id"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        // a LANDLORD finds only the cases of their own buildings; another's case is "not found"
        return jdbc.sql(CASE + " WHERE c.id = :id AND " + LeaseScope.condition("c.lease_id")).param("id", id)
                .param("leases", ledger.scope(viewer, null, null).ids()).query(Cases::row).optional()
                .flatMap(row -> views(List.of(row), today, r -> history).stream().findFirst());
    }

    /** How long a pause's reason may be (the API and the case page). */
    public static final int PAUSE_REASON_MAX = 500;

    /** A paused case sends nothing up to and including {@code until}; then it climbs to the stage due. */
    @Transactional
    public CaseView pause(long id, LocalDate until, String reason, String actor) {
        // a malformed request is refused as such before anything is looked up
        if (until == null) {
            throw InvalidInput.of("until", null, "멈출 기한을 입력하세요");
        }
        reason = kr.fm.arrears.shared.Text.reason(reason, PAUSE_REASON_MAX);
        CaseView c = find(Viewer.SYSTEM, id).orElseThrow(() -> new NotFound("case", id));
        if (c.closedOn() != null) {
            throw new Conflict("연체 건 " + id + "은 " + c.closedOn() + "에 닫혔습니다. 열린 건만 멈출 수 있습니다");
        }
        if (until.isBefore(BusinessTime.today(clock))) {
            throw InvalidInput.of("until", until, "오늘이나 그 뒤여야 합니다");
        }
        jdbc.sql("UPDATE arrears_case SET paused_until = ?, pause_reason = ?, paused_by = ? WHERE id = ?")
                .params(until, reason, actor, id).update();
        events.publishEvent(new CasePaused(actor, id, c.leaseId(), until, reason));
        return find(Viewer.SYSTEM, id).orElseThrow();
    }

    @Transactional
    public CaseView resume(long id, String actor) {
        CaseView c = find(Viewer.SYSTEM, id).orElseThrow(() -> new NotFound("case", id));
        if (!c.paused()) {
            throw new Conflict("연체 건 " + id + "은 멈춰 있지 않습니다");
        }
        jdbc.sql("UPDATE arrears_case SET paused_until = NULL, pause_reason = NULL, paused_by = NULL WHERE id = ?").param(id).update();
        events.publishEvent(new CaseResumed(actor, id, c.leaseId(), c.pausedUntil()));
        return find(Viewer.SYSTEM, id).orElseThrow();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String stage = rs.getString("stage");
        return new Row(rs.getLong("id"), rs.getLong("lease_id"), stage == null ? null : Stage.valueOf(stage),
                rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getObject("paused_until", LocalDate.class), rs.getString("pause_reason"), rs.getString("paused_by"),
                rs.getBoolean("planned"));
    }

    /** The rows with their leases named: one ledger read for the whole page, in the rows' order. */
    private List<CaseView> views(List<Row> rows, LocalDate today, java.util.function.Function<Row, List<StageEntry>> history) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, LedgerViews.LeaseSummary> leases = new HashMap<>();
        views.leases(Viewer.SYSTEM, rows.stream().map(Row::leaseId).distinct().toList()).forEach(l -> leases.put(l.leaseId(), l));
        return rows.stream().map(r -> {
            LedgerViews.LeaseSummary l = leases.get(r.leaseId());
            return new CaseView(r.id(), r.leaseId(), l.code(), l.tenantName(), l.buildingId(), l.landlordId(), r.stage(),
                    r.openedOn(), r.closedOn(), r.pausedUntil(), r.pauseReason(), r.pausedBy(),
                    r.pausedUntil() != null && !today.isAfter(r.pausedUntil()), history.apply(r), r.planned());
        }).toList();
    }

}
