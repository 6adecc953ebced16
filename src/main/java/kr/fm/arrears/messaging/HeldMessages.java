package kr.fm.arrears.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.fm.arrears.ledger.LandlordBankAccountSet;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.VirtualAccountSet;
import kr.fm.arrears.shared.BusinessTime;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases the reminders held for want of an account to pay into (SPEC "Send only what is still true")
 * once a person gives one: the landlord's account set, or the lease's 가상계좌. In the same transaction as
 * the change, each held message is first looked at as the dispatcher would (paid meanwhile: CANCELLED PAID;
 * a later stage: SUPERSEDED; …), then rendered again with the account and the arrears of today, so its
 * text shows what it lacked, and queued under its own key: it leaves once, by the normal outbox path, with
 * the contact window and the last look before sending still ahead of it. Reminders already queued that print
 * the account (never handed to a provider) are rendered again too, so a corrected number replaces the old one.
 */
@Component
@RequiredArgsConstructor
class HeldMessages {

    private final Outbox outbox;
    private final SendCheck check;
    private final MessageEnqueuer enqueuer;
    private final Transitions transitions;
    private final LedgerViews views;
    private final Clock clock;

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(LandlordBankAccountSet e) {
        release(views.tenanciesOfLandlord(e.landlordId()).stream().map(LedgerViews.Tenancy::leaseId).toList(), e.actor(),
                "임대인 계좌 등록·정정");
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(VirtualAccountSet e) {
        // cleared, the texts queued with it go back to the landlord's account (or wait for the last look to hold them)
        release(List.of(e.leaseId()), e.actor(), e.virtualAccount() != null ? "가상계좌 등록" : "가상계좌 해제");
    }

    private void release(Collection<Long> leaseIds, String actor, String why) {
        if (leaseIds.isEmpty()) {
            return;
        }
        List<Outbox.HeldRow> held = outbox.heldForUpdate(leaseIds);
        // a queued reminder names the account as it was when queued: a corrected one must not go out with the old
        List<Outbox.HeldRow> queued = outbox.queuedPrintingAccountForUpdate(leaseIds);
        if (held.isEmpty() && queued.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        List<Message> messages = held.stream().map(Outbox.HeldRow::message).toList();
        Map<Long, CancelReason> stale = check.stale(messages, today);
        List<Message> cancelled = messages.stream().filter(m -> stale.containsKey(m.id())).toList();
        transitions.cancelled(cancelled, cancelled.stream().map(m -> stale.get(m.id())).toList(), now);

        List<Outbox.HeldRow> stillTrue = held.stream().filter(h -> !stale.containsKey(h.message().id())).toList();
        Set<Long> leases = java.util.stream.Stream.concat(stillTrue.stream(), queued.stream()).map(h -> h.message().leaseId())
                .collect(Collectors.toSet());
        if (leases.isEmpty()) {
            return;
        }
        Map<Long, Map<String, Object>> models = enqueuer.models(leases, today);
        List<Message> released = new ArrayList<>();
        List<NewMessage> rendered = new ArrayList<>();
        for (Outbox.HeldRow h : stillTrue) {
            Message m = h.message();
            NewMessage again = enqueuer.renderAgain(m, h.template(), h.dueAmount(), models.get(m.leaseId()));
            switch (again.state()) {
                case QUEUED -> {
                    released.add(m);
                    rendered.add(again);
                }
                case HELD -> { } // this lease still has no account (another lease of the landlord got its 가상계좌)
                // its template fails now, or the tenant cannot be reached any more: a person sees it as FAILED
                default -> transitions.releaseFailed(m, again.reason(), now);
            }
        }
        transitions.released(released, rendered, actor, why, now);

        // the queued ones keep their turn; whatever else is no longer true, the last look before sending decides
        List<Message> rewritten = new ArrayList<>();
        List<NewMessage> texts = new ArrayList<>();
        for (Outbox.HeldRow h : queued) {
            NewMessage again = enqueuer.renderAgain(h.message(), h.template(), h.dueAmount(), models.get(h.message().leaseId()));
            if (again.state() == MessageState.QUEUED) {
                rewritten.add(h.message());
                texts.add(again);
            }
        }
        transitions.rewritten(rewritten, texts, actor, why, now);
    }
}
