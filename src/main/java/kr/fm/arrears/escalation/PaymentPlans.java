package kr.fm.arrears.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.Payment;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.Won;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans (분할납부 약정, SPEC "Payment plans"): a MANAGER agrees instalments with the tenant of an
 * open case; while the plan is ACTIVE the ladder holds the case ({@link CaseState#planned}) and messaging
 * cancels its waiting ladder messages (reason PLAN). Each morning's run checks the plans first
 * ({@link #check}): instalments covered (a thank-you), reminders 3 days before, a plan broken after the
 * grace days (the case climbs again from its stage on the same run) or kept (the same run resolves the case).
 *
 * <p>Payments are matched to instalments the way the ledger allocates them, oldest first: the plan covers
 * the oldest overdue charges, so what the lease paid since the agreement goes to them before anything
 * newer. An instalment is covered when the payments since the start reach the instalments' running total
 * up to it (1st: its amount; 2nd: 1st + 2nd; …) — a payment ahead of time counts for the next one, a short
 * one is made up later within the grace days.
 */
@Component
@RequiredArgsConstructor
public class PaymentPlans {

    /** SPEC: at most 24 instalments. */
    public static final int MAX_INSTALMENTS = 24;
    /** SPEC: the friendly reminder goes 3 days before each instalment. */
    public static final int REMIND_DAYS_BEFORE = 3;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final Cases cases;
    private final Policies policies;
    private final Clock clock;

    public enum Status { ACTIVE, KEPT, BROKEN }

    /** One instalment as asked for: what the API and the case page's form send. */
    public record InstalmentInput(LocalDate dueDate, Long amount) {}

    /** One instalment of a plan; {@code cumulative}: the running total up to it, what the payments since the start must reach. */
    public record Instalment(int no, LocalDate dueDate, long amount, long cumulative, LocalDate paidOn, LocalDate remindedOn) {}

    /**
     * A plan as people read it. {@code paidSinceStart}: what the lease paid since the agreement, as of today
     * (an ended plan: as of its end).
     */
    public record Plan(long id, long caseId, long leaseId, Status status, LocalDate startsOn, long principal, long interest,
            long total, int graceDays, Stage stageAtStart, String agreedBy, Instant agreedAt, LocalDate endedOn,
            Integer brokenInstalment, long paidSinceStart, List<Instalment> instalments) {

        public boolean active() {
            return status == Status.ACTIVE;
        }

        /** The first instalment not yet covered, or null. */
        public Instalment next() {
            return instalments.stream().filter(i -> paidSinceStart < i.cumulative()).findFirst().orElse(null);
        }
    }

    /**
     * Agrees a plan for an open case. The instalments must add up exactly to the overdue balance of today
     * (plus the late interest to today when {@code withInterest}), be dated in strictly increasing order
     * from today, at most 24. A rule broken is a 422 naming the instalment ({@code instalments[2].amount});
     * a closed case, one already under a plan or one owing nothing overdue is a 409. Nothing changes then.
     */
    @Transactional
    public Plan agree(long caseId, boolean withInterest, List<InstalmentInput> instalments, String actor) {
        LocalDate today = BusinessTime.today(clock);
        List<InvalidInput.FieldError> errors = shape(instalments, today);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Cases.CaseView c = cases.find(Viewer.SYSTEM, caseId).orElseThrow(() -> new NotFound("case", caseId));
        // one plan at a time per case, even when two MANAGERs agree at once (and the unique index besides)
        jdbc.sql("SELECT id FROM arrears_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
        if (c.closedOn() != null) {
            throw new Conflict("연체 건 " + caseId + "은 " + c.closedOn() + "에 닫혔습니다. 열린 건만 분할납부를 약정할 수 있습니다");
        }
        if (jdbc.sql("SELECT count(*) FROM payment_plan WHERE case_id = ? AND status = 'ACTIVE'").param(caseId)
                .query(Long.class).single() > 0) {
            throw new Conflict("연체 건 " + caseId + "에는 이미 진행 중인 분할납부 약정이 있습니다");
        }
        LeaseArrears a = ledger.arrears(c.leaseId(), today).orElseThrow(() -> new NotFound("case", caseId));
        if (!a.inArrears()) {
            throw new Conflict("연체 건 " + caseId + "은 " + today + " 현재 연체액이 없습니다");
        }
        long interest = withInterest ? a.lateInterest() : 0;
        long covered = a.overdueBalance() + interest;
        errors = sums(instalments, covered, a.overdueBalance(), interest);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int grace = policies.ladders(List.of(c.leaseId())).get(c.leaseId()).planGraceDays();
        long paidBefore = paid(ledger.payments(List.of(c.leaseId()), today).get(c.leaseId()));
        long id = jdbc.sql("""
                INSERT INTO payment_plan (case_id, lease_id, status, starts_on, principal, interest, total, paid_before,
                                          grace_days, stage_at_start, agreed_by, agreed_at)
                VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, CAST(? AS escalation_stage), ?, ?) RETURNING id""")
                .params(caseId, c.leaseId(), today, a.overdueBalance(), interest, covered, paidBefore, grace,
                        c.stage() == null ? null : c.stage().name(), actor, Timestamp.from(BusinessTime.now(clock)))
                .query(Long.class).single();
        for (int i = 0; i < instalments.size(); i++) {
            jdbc.sql("INSERT INTO plan_instalment (plan_id, no, due_date, amount) VALUES (?, ?, ?, ?)")
                    .params(id, i + 1, instalments.get(i).dueDate(), instalments.get(i).amount()).update();
        }
        Plan plan = plans("p.id = :id", Map.of("id", id), today).get(0);
        events.publishEvent(new PlanAgreed(actor, id, caseId, c.leaseId(), today, a.overdueBalance(), interest, grace,
                c.stage(), plan.instalments()));
        return plan;
    }

    /** Every instalment present, dated, positive, in strictly increasing order from today; at most 24. */
    private static List<InvalidInput.FieldError> shape(List<InstalmentInput> instalments, LocalDate today) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (instalments == null || instalments.isEmpty()) {
            errors.add(new InvalidInput.FieldError("instalments", null, "납부 회차를 하나 이상 적어야 합니다"));
            return errors;
        }
        if (instalments.size() > MAX_INSTALMENTS) {
            errors.add(new InvalidInput.FieldError("instalments", instalments.size(), "회차는 " + MAX_INSTALMENTS + "회까지입니다"));
            return errors;
        }
        LocalDate previous = null;
        for (int i = 0; i < instalments.size(); i++) {
            InstalmentInput in = instalments.get(i);
            String at = "instalments[" + i + "].";
            if (in == null || in.dueDate() == null) {
                errors.add(new InvalidInput.FieldError(at + "dueDate", null, "납부일을 입력하세요"));
            } else if (i == 0 && in.dueDate().isBefore(today)) {
                errors.add(new InvalidInput.FieldError(at + "dueDate", in.dueDate(), "첫 회차는 오늘(" + today + ")이나 그 뒤여야 합니다"));
            } else if (previous != null && !in.dueDate().isAfter(previous)) {
                errors.add(new InvalidInput.FieldError(at + "dueDate", in.dueDate(), "앞 회차(" + previous + ")보다 뒤여야 합니다"));
            }
            if (in != null && in.dueDate() != null) {
                previous = in.dueDate();
            }
            if (in == null || in.amount() == null) {
                errors.add(new InvalidInput.FieldError(at + "amount", null, "금액을 입력하세요"));
            } else if (in.amount() <= 0 || in.amount() > Won.MAX) {
                errors.add(new InvalidInput.FieldError(at + "amount", in.amount(), "1원 이상이어야 합니다"));
            }
        }
        return errors;
    }

    /** The instalments must add up to what the plan covers: the first that goes over, or the last that falls short, is named. */
    private static List<InvalidInput.FieldError> sums(List<InstalmentInput> instalments, long covered, long principal, long interest) {
        String what = interest > 0 ? "약정 금액 " + won(covered) + "(연체액 " + won(principal) + " + 지연손해금 " + won(interest) + ")"
                : "약정 금액(연체액) " + won(covered);
        long running = 0;
        for (int i = 0; i < instalments.size(); i++) {
            running += instalments.get(i).amount();
            if (running > covered) {
                return List.of(new InvalidInput.FieldError("instalments[" + i + "].amount", instalments.get(i).amount(),
                        (i + 1) + "회차까지의 합계 " + won(running) + "이 " + what + "을 " + won(running - covered) + " 넘습니다"));
            }
        }
        if (running < covered) {
            int last = instalments.size() - 1;
            return List.of(new InvalidInput.FieldError("instalments[" + last + "].amount", instalments.get(last).amount(),
                    "회차 합계 " + won(running) + "이 " + what + "보다 " + won(covered - running) + " 모자랍니다"));
        }
        return List.of();
    }

    private static String won(long amount) {
        return String.format("%,d원", amount);
    }

    /** The plans of a case, newest first; a LANDLORD finds only their own cases' (another's case: not found). */
    public List<Plan> ofCase(Viewer viewer, long caseId) {
        cases.find(viewer, caseId).orElseThrow(() -> new NotFound("case", caseId));
        return plans("p.case_id = :case", Map.of("case", caseId), BusinessTime.today(clock));
    }

    /** The case's latest plan (active, or how the last one ended), if any. */
    public Optional<Plan> latest(Viewer viewer, long caseId) {
        return ofCase(viewer, caseId).stream().findFirst();
    }

    public Plan find(Viewer viewer, long caseId, long planId) {
        return ofCase(viewer, caseId).stream().filter(p -> p.id() == planId).findFirst()
                .orElseThrow(() -> new NotFound("plan", planId));
    }

    /** The latest plan of each of these cases, by case: one query for a page of cases (board, portal). */
    public Map<Long, Plan> latestOf(Collection<Long> caseIds) {
        Map<Long, Plan> byCase = new LinkedHashMap<>();
        if (!caseIds.isEmpty()) {
            plans("p.case_id = ANY(:cases)", Map.of("cases", caseIds.toArray(Long[]::new)), BusinessTime.today(clock))
                    .forEach(p -> byCase.putIfAbsent(p.caseId(), p));
        }
        return byCase;
    }

    /** A month's plans of the leases in scope (the monthly report): agreed, kept and broken between the dates. */
    public record Tally(int agreed, int kept, int broken) {}

    public Tally tally(LeaseScope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE starts_on BETWEEN :from AND :to) AS agreed,
                       count(*) FILTER (WHERE status = 'KEPT' AND ended_on BETWEEN :from AND :to) AS kept,
                       count(*) FILTER (WHERE status = 'BROKEN' AND ended_on BETWEEN :from AND :to) AS broken
                FROM payment_plan WHERE """ + LeaseScope.condition("lease_id"))
                .param("from", from).param("to", to).param("leases", scope.ids())
                .query((rs, n) -> new Tally(rs.getInt("agreed"), rs.getInt("kept"), rs.getInt("broken"))).single();
    }

    /** What one morning's check did. */
    public record Checked(int plans, int paid, int reminded, int kept, int broken) {}

    /**
     * The morning's check of every ACTIVE plan for {@code date}, before the ladder walks the leases (so a
     * plan broken today lets the same run take the step due, and a plan kept lets it resolve the case).
     * Exactly once by the rows: an instalment is marked paid or reminded, a plan ended, only from its
     * previous state (the plans are locked first), so a run done again for the date changes nothing.
     */
    @Transactional
    public Checked check(LocalDate date) {
        List<Long> ids = jdbc.sql("SELECT id FROM payment_plan WHERE status = 'ACTIVE' AND starts_on <= ? ORDER BY id FOR UPDATE")
                .param(date).query(Long.class).list();
        if (ids.isEmpty()) {
            return new Checked(0, 0, 0, 0, 0);
        }
        List<Plan> active = plans("p.id = ANY(:ids)", Map.of("ids", ids.toArray(Long[]::new)), date);
        Map<Long, Ledger.Placed> places = ledger.places(active.stream().map(Plan::leaseId).toList());
        List<PlanMessagesDue.Due> due = new ArrayList<>();
        int paid = 0, reminded = 0, kept = 0, broken = 0;
        for (Plan p : active) {
            long landlordId = places.get(p.leaseId()).landlordId();
            int of = p.instalments().size();
            for (Instalment i : p.instalments()) {
                if (i.paidOn() == null && p.paidSinceStart() >= i.cumulative() && mark("paid_on", p.id(), i.no(), date)) {
                    paid++;
                    events.publishEvent(new InstalmentPaid(p.id(), p.caseId(), p.leaseId(), i.no(), of, i.dueDate(), i.amount(),
                            i.cumulative(), p.paidSinceStart(), date));
                    due.add(new PlanMessagesDue.Due(PlanMessagesDue.Kind.THANKS, p.id(), p.caseId(), p.leaseId(), landlordId,
                            i.no(), of, i.dueDate(), i.amount(), Math.max(0, p.total() - p.paidSinceStart()), date));
                }
            }
            if (p.paidSinceStart() >= p.total()) {
                if (end(p.id(), Status.KEPT, date, null)) {
                    kept++;
                    events.publishEvent(new PlanKept(p.id(), p.caseId(), p.leaseId(), p.total(), date));
                }
                continue;
            }
            // the instalments whose grace ran out must all be covered; the first that is not breaks the plan
            Instalment late = p.instalments().stream()
                    .filter(i -> date.isAfter(i.dueDate().plusDays(p.graceDays())) && p.paidSinceStart() < i.cumulative())
                    .findFirst().orElse(null);
            if (late != null) {
                if (end(p.id(), Status.BROKEN, date, late.no())) {
                    broken++;
                    long shortfall = late.cumulative() - p.paidSinceStart();
                    Stage stage = cases.standing(List.of(p.caseId())).get(p.caseId()).stage();
                    events.publishEvent(new PlanBroken(p.id(), p.caseId(), p.leaseId(), landlordId, late.no(), late.dueDate(),
                            shortfall, stage, date));
                    due.add(new PlanMessagesDue.Due(PlanMessagesDue.Kind.BROKEN, p.id(), p.caseId(), p.leaseId(), landlordId,
                            late.no(), of, late.dueDate(), shortfall, p.total() - p.paidSinceStart(), date));
                }
                continue;
            }
            for (Instalment i : p.instalments()) {
                long daysBefore = ChronoUnit.DAYS.between(date, i.dueDate());
                long open = i.cumulative() - p.paidSinceStart(); // what is still missing of it (a part paid ahead counts)
                if (i.remindedOn() == null && open > 0 && daysBefore >= 1 && daysBefore <= REMIND_DAYS_BEFORE
                        && mark("reminded_on", p.id(), i.no(), date)) {
                    reminded++;
                    due.add(new PlanMessagesDue.Due(PlanMessagesDue.Kind.REMINDER, p.id(), p.caseId(), p.leaseId(), landlordId,
                            i.no(), of, i.dueDate(), Math.min(open, i.amount()), p.total() - p.paidSinceStart(), date));
                }
            }
        }
        if (!due.isEmpty()) {
            events.publishEvent(new PlanMessagesDue(due));
        }
        return new Checked(active.size(), paid, reminded, kept, broken);
    }

    /**
     * Whether each plan instalment is still owed today, for messaging's last look before a reminder leaves:
     * by case and instalment due date, true while the payments since the plan's start have not reached it.
     * Absent: no ACTIVE plan of the case has an instalment on that date.
     */
    public Map<String, Boolean> stillOwed(Collection<Long> caseIds, LocalDate today) {
        Map<String, Boolean> owed = new HashMap<>();
        if (caseIds.isEmpty()) {
            return owed;
        }
        plans("p.case_id = ANY(:cases) AND p.status = 'ACTIVE'", Map.of("cases", caseIds.toArray(Long[]::new)), today)
                .forEach(p -> p.instalments().forEach(i -> owed.put(p.caseId() + ":" + i.dueDate(), p.paidSinceStart() < i.cumulative())));
        return owed;
    }

    private boolean mark(String column, long planId, int no, LocalDate date) {
        return jdbc.sql("UPDATE plan_instalment SET " + column + " = ? WHERE plan_id = ? AND no = ? AND " + column + " IS NULL")
                .params(date, planId, no).update() == 1;
    }

    private boolean end(long planId, Status status, LocalDate date, Integer brokenInstalment) {
        return jdbc.sql("UPDATE payment_plan SET status = ?, ended_on = ?, broken_instalment = ? WHERE id = ? AND status = 'ACTIVE'")
                .params(status.name(), date, brokenInstalment, planId).update() == 1;
    }

    private record Row(long id, long caseId, long leaseId, Status status, LocalDate startsOn, long principal, long interest,
            long total, long paidBefore, int graceDays, Stage stageAtStart, String agreedBy, Instant agreedAt, LocalDate endedOn,
            Integer brokenInstalment) {}

    /** The plans matching {@code where} (on {@code p}), newest first, with their instalments and what was paid to {@code asOf}. */
    private List<Plan> plans(String where, Map<String, ?> params, LocalDate asOf) {
        List<Row> rows = jdbc.sql("""
                SELECT p.id, p.case_id, p.lease_id, p.status, p.starts_on, p.principal, p.interest, p.total, p.paid_before,
                       p.grace_days, p.stage_at_start::text AS stage, p.agreed_by, p.agreed_at, p.ended_on, p.broken_instalment
                FROM payment_plan p WHERE
                """ + where + " ORDER BY p.id DESC")
                .params(params)
                .query((rs, n) -> {
                    String stage = rs.getString("stage");
                    return new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("lease_id"), Status.valueOf(rs.getString("status")),
                            rs.getObject("starts_on", LocalDate.class), rs.getLong("principal"), rs.getLong("interest"),
                            rs.getLong("total"), rs.getLong("paid_before"), rs.getInt("grace_days"),
                            stage == null ? null : Stage.valueOf(stage), rs.getString("agreed_by"),
                            rs.getTimestamp("agreed_at").toInstant(), rs.getObject("ended_on", LocalDate.class),
                            (Integer) rs.getObject("broken_instalment"));
                }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Instalment>> instalments = new HashMap<>();
        jdbc.sql("SELECT plan_id, no, due_date, amount, paid_on, reminded_on FROM plan_instalment WHERE plan_id = ANY(?) ORDER BY plan_id, no")
                .param(rows.stream().map(Row::id).toArray(Long[]::new))
                .query(rs -> {
                    List<Instalment> of = instalments.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>());
                    long running = (of.isEmpty() ? 0 : of.get(of.size() - 1).cumulative()) + rs.getLong("amount");
                    of.add(new Instalment(rs.getInt("no"), rs.getObject("due_date", LocalDate.class), rs.getLong("amount"), running,
                            rs.getObject("paid_on", LocalDate.class), rs.getObject("reminded_on", LocalDate.class)));
                });
        Map<Long, List<Payment>> payments = ledger.payments(rows.stream().map(Row::leaseId).distinct().toList(), asOf);
        List<Plan> plans = new ArrayList<>();
        for (Row r : rows) {
            // an ended plan counts what was paid up to its end; a reversal of an earlier payment cannot make it negative
            LocalDate upTo = r.endedOn() != null && r.endedOn().isBefore(asOf) ? r.endedOn() : asOf;
            long paidSince = Math.max(0, paid(payments.get(r.leaseId()), upTo) - r.paidBefore());
            plans.add(new Plan(r.id(), r.caseId(), r.leaseId(), r.status(), r.startsOn(), r.principal(), r.interest(), r.total(),
                    r.graceDays(), r.stageAtStart(), r.agreedBy(), r.agreedAt(), r.endedOn(), r.brokenInstalment(), paidSince,
                    List.copyOf(instalments.getOrDefault(r.id(), List.of()))));
        }
        return plans;
    }

    private static long paid(List<Payment> payments) {
        return payments == null ? 0 : payments.stream().mapToLong(Payment::amount).sum();
    }

    private static long paid(List<Payment> payments, LocalDate upTo) {
        return payments == null ? 0 : payments.stream().filter(p -> !p.paidOn().isAfter(upTo)).mapToLong(Payment::amount).sum();
    }
}
