package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kr.fm.arrears.ledger.ArrearsCalculator;
import kr.fm.arrears.ledger.Charge;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.Payment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What happens next, and when" for open cases, as people see it on the arrears board: the days the
 * daily run would be asked about are tried in order with {@link Escalator#nextStep}, the same rule the
 * run applies, on the arrears as they would be then if nothing more were paid.
 */
@Component
public class Outlook {

    /** The stage the case reaches next and the business day the run reaches it. */
    public record NextStage(Stage stage, LocalDate on) {}

    /** How far ahead to look: about the charges already created (through next month), no further. */
    static final int HORIZON_DAYS = 62;

    private final Ledger ledger;
    private final Cases cases;
    private final Policies policies;

    public Outlook(Ledger ledger, Cases cases, Policies policies) {
        this.ledger = ledger;
        this.cases = cases;
        this.policies = policies;
    }

    /** Next stage per lease with an open case; absent when nothing more happens within the horizon. */
    @Transactional(readOnly = true)
    public Map<Long, NextStage> next(Collection<LeaseRef> leases, LocalDate today) {
        Map<Long, NextStage> result = new HashMap<>();
        if (leases.isEmpty()) {
            return result;
        }
        List<Long> ids = leases.stream().map(LeaseRef::leaseId).toList();
        LocalDate until = today.plusDays(HORIZON_DAYS);
        Map<Long, CaseState> open = cases.openCases(ids);
        Map<Long, LeaseTerms> terms = ledger.terms(ids, today);
        Map<Long, List<Charge>> charges = ledger.charges(ids, until);
        Map<Long, List<Payment>> payments = ledger.payments(ids, today);
        PolicyBook book = policies.book();
        for (LeaseRef lease : leases) {
            CaseState state = open.get(lease.leaseId());
            LeaseTerms t = terms.get(lease.leaseId());
            if (state == null || t == null) {
                continue;
            }
            Policy policy = book.forLease(lease.buildingId(), lease.landlordId());
            List<Charge> owed = charges.getOrDefault(lease.leaseId(), List.of());
            List<Payment> paid = payments.getOrDefault(lease.leaseId(), List.of());
            for (LocalDate day : candidateDays(owed, policy, state, today, until)) {
                Step step = Escalator.nextStep(state, policy, ArrearsCalculator.compute(t, owed, paid, day), day);
                Stage reach = step instanceof Step.Advance a ? a.reach() : step instanceof Step.Open o ? o.reach() : null;
                if (reach != null) {
                    result.put(lease.leaseId(), new NextStage(reach, day));
                    break;
                }
            }
        }
        return result;
    }

    /**
     * The only days a decision can change without a payment: a charge falls overdue, a days-overdue
     * threshold is met counting from a charge's due date, or a pause ends.
     */
    private static TreeSet<LocalDate> candidateDays(List<Charge> charges, Policy policy, CaseState state, LocalDate today,
            LocalDate until) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Charge c : charges) {
            days.add(c.dueDate().plusDays(1));
            for (Policy.StageRule rule : policy.rules()) {
                if (rule.enabled() && rule.trigger() == Policy.Trigger.DAYS_OVERDUE) {
                    days.add(c.dueDate().plusDays(rule.threshold()));
                }
            }
        }
        if (state.pausedUntil() != null) {
            days.add(state.pausedUntil().plusDays(1));
        }
        return new TreeSet<>(days.subSet(today, false, until, true));
    }
}
