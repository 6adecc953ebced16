package kr.fm.arrears.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a message after it was queued, each with its event (the audit trail's), in
 * the caller's transaction. A failed AlimTalk falls back to one SMS/LMS: the fallback's key is derived from the
 * AlimTalk's, so however often the failure is seen, there is one fallback.
 */
@Component
@RequiredArgsConstructor
class Transitions {

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final ApplicationEventPublisher events;
    private final LandlordMessages landlords;

    /** A dispatched batch's accepted messages: one update, and one event for the batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    void sent(List<Message> messages, List<String> providerIds, boolean demo, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        outbox.markSent(messages.stream().map(m -> m.mustBecome(MessageState.SENT).id()).toList(), providerIds, demo, now);
        List<MessagesSent.Sent> sent = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            sent.add(new MessagesSent.Sent(m.id(), m.leaseId(), m.idempotencyKey(), m.kind(), m.attempts(), providerIds.get(i)));
        }
        events.publishEvent(new MessagesSent(demo, sent));
    }

    /** Claimed messages no longer true: one update, one event. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelled(List<Message> messages, List<CancelReason> reasons, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        outbox.markCancelled(messages.stream().map(m -> m.mustBecome(MessageState.CANCELLED).id()).toList(), reasons, now);
        List<MessagesCancelled.Cancelled> cancelled = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            cancelled.add(new MessagesCancelled.Cancelled(m.id(), m.leaseId(), m.idempotencyKey(), m.kind(), reasons.get(i),
                    m.caseId(), m.stage(), m.channel()));
        }
        events.publishEvent(new MessagesCancelled(cancelled));
    }

    /** Claimed messages that cannot say what they must yet: HELD with the reason, one update, one event. */
    @Transactional(propagation = Propagation.MANDATORY)
    void held(List<Message> messages, HoldReason reason, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        outbox.markHeld(messages.stream().map(m -> m.mustBecome(MessageState.HELD).id()).toList(), reason, now);
        events.publishEvent(new MessagesHeld(messages.stream().map(m -> new MessagesHeld.Held(m.id(), m.leaseId(),
                m.idempotencyKey(), m.kind(), reason, m.caseId(), m.stage(), m.channel())).toList()));
    }

    /** Held messages rendered again ({@code rendered}, in the same order), queued under their own keys; one event. */
    @Transactional(propagation = Propagation.MANDATORY)
    void released(List<Message> messages, List<NewMessage> rendered, String actor, String why, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        List<MessagesReleased.Released> released = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i).mustBecome(MessageState.QUEUED);
            outbox.release(m, rendered.get(i), now);
            released.add(new MessagesReleased.Released(m.id(), m.leaseId(), m.idempotencyKey(), rendered.get(i).kind(),
                    m.holdReason(), m.heldAt(), m.caseId(), m.stage(), m.channel()));
        }
        events.publishEvent(new MessagesReleased(actor, why, released));
    }

    /** Queued messages rendered again ({@code rendered}, in the same order) after the account was corrected; one event. */
    @Transactional(propagation = Propagation.MANDATORY)
    void rewritten(List<Message> messages, List<NewMessage> rendered, String actor, String why, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        List<MessagesRewritten.Rewritten> rewritten = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            outbox.rewrite(m, rendered.get(i), now);
            rewritten.add(new MessagesRewritten.Rewritten(m.id(), m.leaseId(), m.idempotencyKey(), rendered.get(i).kind(),
                    m.caseId(), m.stage(), m.channel()));
        }
        events.publishEvent(new MessagesRewritten(actor, why, rewritten));
    }

    /** A held message that cannot be rendered again (or sent) any more: FAILED with the reason, no fallback. */
    @Transactional(propagation = Propagation.MANDATORY)
    void releaseFailed(Message m, String reason, Instant now) {
        outbox.markFailed(m.mustBecome(MessageState.FAILED).id(), reason, now);
        events.publishEvent(new MessageFailed(m.id(), m.leaseId(), m.idempotencyKey(), m.kind(), reason, m.attempts()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void retryLater(Message m, Instant next, String reason, Instant now) {
        outbox.reschedule(m.mustBecome(MessageState.QUEUED).id(), next, reason, now);
        events.publishEvent(new MessageRetryScheduled(m.id(), m.leaseId(), m.idempotencyKey(), m.kind(), reason, m.attempts(), next));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void failed(Message m, String reason, Instant now) {
        outbox.markFailed(m.mustBecome(MessageState.FAILED).id(), reason, now);
        events.publishEvent(new MessageFailed(m.id(), m.leaseId(), m.idempotencyKey(), m.kind(), reason, m.attempts()));
        fallBack(m, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void delivered(Message m, Instant now) {
        outbox.markDelivered(m.mustBecome(MessageState.DELIVERED).id(), now);
        events.publishEvent(new MessageDelivered(m.id(), m.leaseId(), m.idempotencyKey(), m.kind()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean resend(Viewer viewer, Message m, String reason, Instant now) {
        if (!outbox.requeueFailed(m.id(), now)) {
            return false;
        }
        events.publishEvent(new MessageResent(viewer.name(), m.id(), m.leaseId(), m.idempotencyKey(), m.kind(), reason,
                m.lastError()));
        return true;
    }

    private void fallBack(Message m, Instant now) {
        if (m.kind() != MessageKind.ALIMTALK || m.fallbackBody() == null) {
            return;
        }
        if (m.toLandlord()) {
            // the monthly report's AlimTalk: its text goes to the landlord's number, with no lease or tenant
            landlords.fallback(m).ifPresent(q -> events.publishEvent(new MessageFellBack(m.id(), m.leaseId(), m.idempotencyKey(),
                    m.lastError(), q)));
            return;
        }
        NewMessage sms = new NewMessage(m.idempotencyKey() + ":fallback", m.caseId(), m.leaseId(), m.tenantId(), m.stage(),
                "SMS", MessageKind.forText(m.fallbackBody()), m.recipient(), null, m.fallbackSubject(), m.fallbackBody(),
                null, null, null, m.id(), MessageState.QUEUED, null, m.dueDate(), m.needsAccount(), null, null);
        if (optOuts.optedOut(m.tenantId(), "SMS")) {
            sms = MessageEnqueuer.skipped(sms, "임차인이 문자 수신을 거부했습니다");
        }
        NewMessage fallback = sms;
        outbox.insert(fallback, now).ifPresent(id -> events.publishEvent(new MessageFellBack(m.id(), m.leaseId(),
                m.idempotencyKey(), m.lastError(), fallback.queued(id))));
    }
}
