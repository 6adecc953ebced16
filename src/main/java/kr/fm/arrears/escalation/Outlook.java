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
import kr.fm.arrears.ledger.RememberedArrears;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What happens next, and when" for open cases, as people see it on the arrears board: the days the
 * daily run would be asked about are tried in order with {@link Escalator#nextStep}, the same rule the
 * run applies, on the arrears as they would be then if nothing more were paid.
 */
@Component
@RequiredArgsConstructor
public class Outlook {

    /** The stage the case reaches next and the business day the run reaches it. */
    public record NextStage(Stage stage, LocalDate on) {}

    /** How far ahead to look: about the charges already created (through next month), no further. */
    static final int HORIZON_DAYS = 62;

    private final Ledger ledger;
    private final Cases cases;
    private final Policies policies;
    private final RememberedArrears remembered;

    /** A lease asked about with its case's state and its policy, by its place among the question's few. */
    private record Asked(LeaseRef lease, CaseState state, int policy) {}

    /** Everything besides the ledger the answer depends on; each distinct policy compared once, not once a lease. */
    private record Question(LocalDate today, List<Policy> policies, List<Asked> leases) {}

    /**
     * Next stage per lease with an open case; absent when nothing more happens within the horizon. The
     * same question (the same cases in the same states under the same policies on the same day) is
     * answered from memory until the ledger changes: a landlord's board asks it on every refresh, and
     * trying every candidate day was most of the page's time.
     */
    @Transactional(readOnly = true)
    public Map<Long, NextStage> next(Collection<LeaseRef> leases, LocalDate today) {
        if (leases.isEmpty()) {
            return new HashMap<>();
        }
        Map<Long, CaseState> open = cases.openCases(leases.stream().map(LeaseRef::leaseId).toList());
        PolicyBook book = policies.book();
        Map<Policy, Integer> places = new java.util.IdentityHashMap<>();
        List<Asked> asked = leases.stream().filter(l -> open.containsKey(l.leaseId()))
                .map(l -> new Asked(l, open.get(l.leaseId()),
                        places.computeIfAbsent(book.forLease(l.buildingId(), l.landlordId()), p -> places.size()))).toList();
        List<Policy> distinct = places.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        Question question = new Question(today, distinct, asked);
        return new HashMap<>(remembered.answer(question, () -> Map.copyOf(next(question))));
    }

    private Map<Long, NextStage> next(Question q) {
        Map<Long, NextStage> result = new HashMap<>();
        List<Long> ids = q.leases().stream().map(a -> a.lease().leaseId()).toList();
        LocalDate until = q.today().plusDays(HORIZON_DAYS);
        Map<Long, LeaseTerms> terms = ledger.terms(ids, q.today());
        Map<Long, List<Charge>> charges = ledger.charges(ids, until);
        Map<Long, List<Payment>> payments = ledger.payments(ids, q.today());
        for (Asked a : q.leases()) {
            long leaseId = a.lease().leaseId();
            LeaseTerms t = terms.get(leaseId);
            if (t == null) {
                continue;
            }
            Policy policy = q.policies().get(a.policy());
            List<Charge> owed = charges.getOrDefault(leaseId, List.of());
            List<Payment> paid = payments.getOrDefault(leaseId, List.of());
            for (LocalDate day : candidateDays(owed, policy, a.state(), q.today(), until)) {
                Step step = Escalator.nextStep(a.state(), policy, ArrearsCalculator.compute(t, owed, paid, day), day);
                Stage reach = step instanceof Step.Advance adv ? adv.reach() : step instanceof Step.Open o ? o.reach() : null;
                if (reach != null) {
                    result.put(leaseId, new NextStage(reach, day));
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
