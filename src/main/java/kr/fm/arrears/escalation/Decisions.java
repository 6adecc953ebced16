package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers what {@link Escalator} needs for a page of leases in a fixed number of queries (arrears,
 * open cases, coming due dates, reminders already sent, ladders) and decides each lease's step.
 * Reads only: the batch writer applies the steps, the preview shows them.
 */
@Component
public class Decisions {

    /** The farthest a ladder may remind ahead of a due date (see {@link Policy#problems}). */
    private static final int MAX_DAYS_BEFORE_DUE = 27;

    private final Ledger ledger;
    private final Cases cases;
    private final Policies policies;
    private final JdbcClient jdbc;

    public Decisions(Ledger ledger, Cases cases, Policies policies, JdbcClient jdbc) {
        this.ledger = ledger;
        this.cases = cases;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Decision> decide(List<LeaseRef> page, LocalDate date) {
        List<Long> ids = page.stream().map(LeaseRef::leaseId).toList();
        PolicyBook book = policies.book();
        Map<Long, LeaseArrears> arrears = ledger.arrears(ids, date);
        Map<Long, CaseState> open = cases.openCases(ids);
        Map<Long, List<Charge>> coming = ledger.chargesDueBetween(ids, date, date.plusDays(MAX_DAYS_BEFORE_DUE));
        Map<Long, LocalDate> reminded = lastReminded(ids);
        List<Decision> decisions = new ArrayList<>(page.size());
        for (LeaseRef lease : page) {
            LeaseArrears a = arrears.get(lease.leaseId());
            if (a == null) {
                continue; // removed since the page was read
            }
            Policy policy = book.forLease(lease.buildingId(), lease.landlordId());
            Step step = Escalator.decide(open.get(lease.leaseId()), policy, a, nextDue(coming.get(lease.leaseId())),
                    reminded.get(lease.leaseId()), date);
            decisions.add(new Decision(lease, policy, step));
        }
        return decisions;
    }

    /** Leases by id after {@code afterId}: the run's page and the preview's. */
    public List<LeaseRef> leases(long afterId, int limit) {
        return jdbc.sql("""
                SELECT l.id, l.building_id, b.landlord_id FROM lease l JOIN building b ON b.id = l.building_id
                WHERE l.id > ? ORDER BY l.id LIMIT ?""")
                .params(afterId, limit)
                .query((rs, n) -> new LeaseRef(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
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
