package kr.fm.arrears.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.shared.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a message after it was queued, each with its audit event, in the caller's
 * transaction. A failed AlimTalk falls back to one SMS/LMS: the fallback's key is derived from the
 * AlimTalk's, so however often the failure is seen, there is one fallback.
 */
@Component
class Transitions {

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final AuditLog audit;

    Transitions(Outbox outbox, OptOuts optOuts, AuditLog audit) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.audit = audit;
    }

    /** A dispatched batch's accepted messages: one update, and their events in one append to the audit chain. */
    @Transactional(propagation = Propagation.MANDATORY)
    void sent(List<Message> messages, List<String> providerIds, boolean demo, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        outbox.markSent(messages.stream().map(Message::id).toList(), providerIds, demo, now);
        List<AuditLog.Event> events = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            events.add(event("MESSAGE_SENT", m, null, "attempt", m.attempts(), "providerId", providerIds.get(i), "demo", demo));
        }
        audit.recordAll(events);
    }

    /** Claimed messages no longer true: one update, their events in one append. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelled(List<Message> messages, List<CancelReason> reasons, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        outbox.markCancelled(messages.stream().map(Message::id).toList(), reasons, now);
        List<AuditLog.Event> events = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            events.add(event("MESSAGE_CANCELLED", m, reasons.get(i).name(), "cancelReason", reasons.get(i).name(),
                    "caseId", m.caseId(), "stage", m.stage(), "channel", m.channel()));
        }
        audit.recordAll(events);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void retryLater(Message m, Instant next, String reason, Instant now) {
        outbox.reschedule(m.id(), next, reason, now);
        audit.record(event("MESSAGE_RETRY_SCHEDULED", m, reason, "attempt", m.attempts(), "nextAttemptAt", next.toString()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void failed(Message m, String reason, Instant now) {
        outbox.markFailed(m.id(), reason, now);
        audit.record(event("MESSAGE_FAILED", m, reason, "attempt", m.attempts()));
        fallBack(m, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void delivered(Message m, Instant now) {
        outbox.markDelivered(m.id(), now);
        audit.record(event("MESSAGE_DELIVERED", m, null));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean resend(Viewer viewer, Message m, String reason, Instant now) {
        if (!outbox.requeueFailed(m.id(), now)) {
            return false;
        }
        audit.record(event("MESSAGE_RESENT", m, reason, "previousError", m.lastError()).by(viewer.name()));
        return true;
    }

    private void fallBack(Message m, Instant now) {
        if (m.kind() != MessageKind.ALIMTALK || m.fallbackBody() == null) {
            return;
        }
        NewMessage sms = new NewMessage(m.idempotencyKey() + ":fallback", m.caseId(), m.leaseId(), m.tenantId(), m.stage(),
                "SMS", MessageKind.forText(m.fallbackBody()), m.recipient(), null, m.fallbackSubject(), m.fallbackBody(),
                null, null, null, m.id(), MessageState.QUEUED, null, m.dueDate());
        if (optOuts.optedOut(m.tenantId(), "SMS")) {
            sms = MessageEnqueuer.skipped(sms, "tenant opted out of SMS");
        }
        NewMessage fallback = sms;
        outbox.insert(fallback, now).ifPresent(id -> audit.recordAll(List.of(
                event("MESSAGE_FELL_BACK", m, m.lastError(), "fallbackId", id, "kind", fallback.kind().name()),
                new AuditLog.Event(Viewer.SYSTEM_NAME, fallback.state() == MessageState.SKIPPED ? "MESSAGE_SKIPPED" : "MESSAGE_QUEUED",
                        "MESSAGE", id.toString(), m.leaseId(), fallback.reason(), AuditLog.details("key",
                                fallback.idempotencyKey(), "caseId", m.caseId(), "stage", m.stage(), "channel", "SMS",
                                "kind", fallback.kind().name(), "fallbackOf", m.id())))));
    }

    private static AuditLog.Event event(String action, Message m, String reason, Object... details) {
        Object[] all = new Object[details.length + 4];
        all[0] = "key";
        all[1] = m.idempotencyKey();
        all[2] = "kind";
        all[3] = m.kind().name();
        System.arraycopy(details, 0, all, 4, details.length);
        return new AuditLog.Event(Viewer.SYSTEM_NAME, action, "MESSAGE", Long.toString(m.id()), m.leaseId(), reason,
                AuditLog.details(all));
    }
}
