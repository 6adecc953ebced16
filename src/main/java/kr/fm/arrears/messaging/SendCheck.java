package kr.fm.arrears.messaging;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.fm.arrears.escalation.CaseState;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.Ledger;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The last look before a message leaves (SPEC "Send only what is still true"). A message is decided
 * when a run takes a step but may leave hours later; by then the tenant may have paid, a MANAGER may
 * have paused the case, the case may have climbed or closed, the tenant may have opted out. Reads a
 * claimed batch's cases, opt-outs and arrears in a few set-based queries, whatever the batch size.
 */
@Component
@RequiredArgsConstructor
class SendCheck {

    private final Cases cases;
    private final Ledger ledger;
    private final OptOuts optOuts;
    private final kr.fm.arrears.escalation.PaymentPlans plans;
    private final kr.fm.arrears.ledger.LedgerViews views;

    /**
     * The messages of the batch that print the account to pay into while the lease has none any more: no
     * 가상계좌 and the landlord's account gone (two reads, only when the batch has such messages). One already
     * handed to the provider once (it has a group) may have left, so it goes on as it is.
     */
    Set<Long> withoutAccount(List<Message> batch) {
        List<Message> printing = batch.stream().filter(m -> m.needsAccount() && !m.toLandlord() && m.providerGroup() == null)
                .toList();
        if (printing.isEmpty()) {
            return Set.of();
        }
        Map<Long, kr.fm.arrears.ledger.LedgerViews.Tenancy> leases = views.tenancies(ids(printing, Message::leaseId));
        Set<Long> withAccount = views.landlords(kr.fm.arrears.shared.Viewer.SYSTEM, leases.values().stream()
                        .map(kr.fm.arrears.ledger.LedgerViews.Tenancy::landlordId).collect(Collectors.toSet())).stream()
                .filter(l -> l.bankAccount() != null && !l.bankAccount().isBlank())
                .map(kr.fm.arrears.ledger.LedgerViews.Landlord::id).collect(Collectors.toSet());
        return printing.stream().filter(m -> {
            kr.fm.arrears.ledger.LedgerViews.Tenancy lease = leases.get(m.leaseId());
            return lease != null && lease.virtualAccount() == null && !withAccount.contains(lease.landlordId());
        }).map(Message::id).collect(Collectors.toSet());
    }

    /** The messages of the batch that must not leave on {@code today}, each with its reason. */
    Map<Long, CancelReason> stale(List<Message> batch, LocalDate today) {
        Map<Long, CancelReason> stale = new HashMap<>();
        // a landlord's report is true whatever the arrears: its opt-out is decided before it is queued
        batch = batch.stream().filter(m -> !m.toLandlord()).toList();
        if (batch.isEmpty()) {
            return stale;
        }
        Set<Long> leaseIds = ids(batch, Message::leaseId);
        Map<Long, Cases.Standing> standing = cases.standing(batch.stream().map(Message::caseId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, CaseState> openByLease = cases.openCases(leaseIds);
        Map<Long, Set<Channel>> optedOut = optOuts.of(ids(batch, Message::tenantId));
        Map<Long, LeaseArrears> arrears = ledger.arrears(leaseIds, today);
        Set<Ledger.DueDate> unpaid = ledger.unpaid(batch.stream().filter(m -> m.dueDate() != null && !planMessage(m))
                .map(m -> new Ledger.DueDate(m.leaseId(), m.dueDate())).collect(Collectors.toSet()), today);
        Map<String, Boolean> instalmentOwed = plans.stillOwed(batch.stream().filter(m -> planMessage(m) && m.caseId() != null)
                .map(Message::caseId).collect(Collectors.toSet()), today);
        for (Message m : batch) {
            CancelReason why = planMessage(m) ? planReason(m, standing.get(m.caseId()),
                    optedOut.getOrDefault(m.tenantId(), Set.of()), instalmentOwed)
                    : reason(m, standing.get(m.caseId()), openByLease.get(m.leaseId()),
                    optedOut.getOrDefault(m.tenantId(), Set.of()), arrears.get(m.leaseId()), unpaid, today);
            if (why != null) {
                stale.put(m.id(), why);
            }
        }
        return stale;
    }

    private static boolean planMessage(Message m) {
        return m.stage().equals(MessageEnqueuer.PLAN_REMINDER) || m.stage().equals(MessageEnqueuer.PLAN_THANKS);
    }

    /**
     * A plan's reminder is true while its plan holds the case and the instalment is still owed; a thank-you
     * for an instalment paid stays true (only an opt-out stops it).
     */
    private static CancelReason planReason(Message m, Cases.Standing c, Set<Channel> optedOut, Map<String, Boolean> owed) {
        if (optedOut.contains(Channel.valueOf(m.channel()))) {
            return CancelReason.OPTED_OUT;
        }
        if (m.stage().equals(MessageEnqueuer.PLAN_THANKS)) {
            return null;
        }
        if (c == null || c.closed()) {
            return CancelReason.CLOSED;
        }
        Boolean stillOwed = owed.get(m.caseId() + ":" + m.dueDate());
        if (stillOwed == null) {
            return CancelReason.PLAN; // the plan ended (kept or broken) before its reminder left
        }
        return stillOwed ? null : CancelReason.PAID;
    }

    private static CancelReason reason(Message m, Cases.Standing c, CaseState openCase, Set<Channel> optedOut,
            LeaseArrears arrears, Set<Ledger.DueDate> unpaid, LocalDate today) {
        Stage stage = Stage.valueOf(m.stage());
        long owed = arrears == null ? 0 : arrears.overdueBalance();
        if (stage == Stage.RESOLVED) {
            // a thank-you is about a closed case: true only while the lease still owes nothing
            if (owed > 0 || openCase != null) {
                return CancelReason.SUPERSEDED;
            }
        } else if (m.caseId() != null) {
            if (c == null || c.closed()) {
                return CancelReason.CLOSED;
            }
            if (c.pausedOn(today)) {
                return CancelReason.PAUSED;
            }
            if (c.planned()) {
                return CancelReason.PLAN; // a plan agreed after the ladder queued it: the plan's own reminders replace it
            }
            if (c.stage() != null && stage.compareTo(c.stage()) < 0) {
                return CancelReason.SUPERSEDED;
            }
        } else if (openCase != null && openCase.pausedOn(today)) {
            return CancelReason.PAUSED; // a paused case sends nothing, not even the friendly reminder of its lease
        } else if (openCase != null && openCase.planned()) {
            return CancelReason.PLAN; // the plan's reminders are the only ones its tenant gets
        }
        if (optedOut.contains(Channel.valueOf(m.channel()))) {
            return CancelReason.OPTED_OUT;
        }
        if (stage == Stage.UPCOMING) {
            return m.dueDate() != null && !unpaid.contains(new Ledger.DueDate(m.leaseId(), m.dueDate())) ? CancelReason.PAID : null;
        }
        return stage != Stage.RESOLVED && owed == 0 ? CancelReason.PAID : null;
    }

    private static Set<Long> ids(Collection<Message> batch, java.util.function.ToLongFunction<Message> id) {
        return batch.stream().mapToLong(id).boxed().collect(Collectors.toSet());
    }
}
