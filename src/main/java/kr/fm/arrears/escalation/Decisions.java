package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.Ledger;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers what {@link Escalator} needs for a page of leases in a fixed number of queries (arrears,
 * open cases, coming due dates, reminders already sent, ladders) and decides each lease's step.
 * Reads only: the batch writer applies the steps, the preview shows them.
 */
@Component
@RequiredArgsConstructor
public class Decisions {

    /** The farthest a ladder may remind ahead of a due date (see {@link Policy#problems}). */
    private static final int MAX_DAYS_BEFORE_DUE = 27;

    private final Ledger ledger;
    private final Cases cases;
    private final Policies policies;
    private final JdbcClient jdbc;

    /** Each lease's step with the reason when there is none: for the preview, which shows the reasons. */
    @Transactional(readOnly = true)
    public List<Decision> decide(List<LeaseRef> page, LocalDate date) {
        return decide(page, date, policies.book(), cases.openCases(page.stream().map(LeaseRef::leaseId).toList()));
    }

    /**
     * Each lease's step, for the run: most leases owe nothing overdue, have no open case and no due
     * date close enough for the friendly reminder, and for them {@link Escalator} can only answer
     * Nothing. One query finds the others; only their ledgers are loaded and decided.
     */
    @Transactional(readOnly = true)
    public List<Decision> decideForRun(List<LeaseRef> page, LocalDate date) {
        PolicyBook book = policies.book();
        List<Long> ids = page.stream().map(LeaseRef::leaseId).toList();
        Map<Long, CaseState> open = cases.openCases(ids); // once a page: the prefilter and the decisions both need them
        Map<Long, Boolean> mayNeedStep = ledger.owingOrFallingDue(ids, date, date.plusDays(book.upcomingDaysAtMost()));
        open.keySet().forEach(lease -> mayNeedStep.computeIfPresent(lease, (l, may) -> true));
        List<Decision> decided = decide(page.stream().filter(l -> mayNeedStep.getOrDefault(l.leaseId(), false)).toList(),
                date, book, open);
        Map<Long, Decision> byLease = new HashMap<>();
        decided.forEach(d -> byLease.put(d.lease().leaseId(), d));
        List<Decision> all = new ArrayList<>(page.size());
        for (LeaseRef lease : page) {
            Decision d = byLease.get(lease.leaseId());
            if (d == null && Boolean.FALSE.equals(mayNeedStep.get(lease.leaseId()))) {
                d = new Decision(lease, book.forLease(lease.buildingId(), lease.landlordId()),
                        new Step.Nothing("연체 없음, 열린 건 없음, 안내할 납부일 없음"), null);
            }
            if (d != null) { // absent: removed since the page was read, as in decide
                all.add(d);
            }
        }
        return all;
    }

    /**
     * {@code open}: the open cases of (at least) the page. The leases Escalator might not answer
     * Nothing for are those with an open case or (the ledger's {@link Ledger#owingOrFallingDue})
     * overdue principal or a charge due within the reminder days.
     */
    private List<Decision> decide(List<LeaseRef> page, LocalDate date, PolicyBook book, Map<Long, CaseState> open) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(LeaseRef::leaseId).toList();
        Ledger.Computed computed = ledger.compute(ids, date);
        Map<Long, LeaseArrears> arrears = computed.arrears();
        Map<Long, List<Charge>> coming = ledger.chargesDueBetween(ids, date, date.plusDays(MAX_DAYS_BEFORE_DUE));
        Map<Long, LocalDate> reminded = lastReminded(ids);
        List<Decision> decisions = new ArrayList<>(page.size());
        for (LeaseRef lease : page) {
            Policy policy = book.forLease(lease.buildingId(), lease.landlordId());
            String failure = computed.failures().get(lease.leaseId());
            LeaseArrears a = arrears.get(lease.leaseId());
            if (failure != null) {
                decisions.add(new Decision(lease, policy, new Step.Failed(failure), null));
                continue;
            }
            if (a == null) {
                continue; // removed since the page was read
            }
            Step step;
            try {
                step = Escalator.decide(open.get(lease.leaseId()), policy, a, nextDue(coming.get(lease.leaseId())),
                        reminded.get(lease.leaseId()), date);
            } catch (RuntimeException e) { // one lease the rules cannot decide must not stop the run for the others
                step = new Step.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            decisions.add(new Decision(lease, policy, step, a));
        }
        return decisions;
    }

    /** Leases by id after {@code afterId}: the run's page and the preview's. */
    public List<LeaseRef> leases(long afterId, int limit) {
        return ledger.leasesAfter(afterId, limit).stream()
                .map(l -> new LeaseRef(l.leaseId(), l.buildingId(), l.landlordId())).toList();
    }

    private static NextDue nextDue(List<Charge> coming) {
        if (coming == null || coming.isEmpty()) {
            return null;
        }
        LocalDate due = coming.get(0).dueDate();
        return new NextDue(due, coming.stream().filter(c -> c.dueDate().equals(due)).mapToLong(Charge::total).sum());
    }

    private Map<Long, LocalDate> lastReminded(List<Long> ids) {
        Map<Long, LocalDate> last = new HashMap<>();
        jdbc.sql("SELECT lease_id, max(due_date) AS due FROM upcoming_reminder WHERE lease_id = ANY(?) GROUP BY lease_id")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    last.put(rs.getLong("lease_id"), rs.getObject("due", LocalDate.class));
                });
        return last;
    }
}
