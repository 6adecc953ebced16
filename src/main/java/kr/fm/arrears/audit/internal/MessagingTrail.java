package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import java.util.List;
import java.util.Map;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.messaging.HolidayRemoved;
import kr.fm.arrears.messaging.HolidaySet;
import kr.fm.arrears.messaging.MessageDelivered;
import kr.fm.arrears.messaging.MessageFailed;
import kr.fm.arrears.messaging.MessageFellBack;
import kr.fm.arrears.messaging.MessageKind;
import kr.fm.arrears.messaging.MessageResent;
import kr.fm.arrears.messaging.MessageRetryScheduled;
import kr.fm.arrears.messaging.MessagesCancelled;
import kr.fm.arrears.messaging.MessagesHeld;
import kr.fm.arrears.messaging.MessagesReleased;
import kr.fm.arrears.messaging.MessagesRewritten;
import kr.fm.arrears.messaging.MessagesQueued;
import kr.fm.arrears.messaging.MessagesSent;
import kr.fm.arrears.messaging.OptOutChanged;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What messaging did, as the audit log keeps it. Listeners run in the publisher's transaction, so
 * the change and its audit event commit or roll back together; a batch is one append to the chain.
 */
@Component
@RequiredArgsConstructor
class MessagingTrail {

    private final AuditLog log;

    @EventListener
    void on(HolidaySet e) {
        log.record(AuditAction.HOLIDAY_SET, e.actor(), "HOLIDAY", e.date(), null, null, details("name", e.name()));
    }

    @EventListener
    void on(HolidayRemoved e) {
        log.record(AuditAction.HOLIDAY_REMOVED, e.actor(), "HOLIDAY", e.date(), null, null, null);
    }

    @EventListener
    void on(MessagesQueued e) {
        log.recordAll(e.messages().stream().map(MessagingTrail::queued).toList());
    }

    @EventListener
    void on(MessagesSent e) {
        log.recordAll(e.messages().stream().map(m -> event(AuditAction.MESSAGE_SENT, m.messageId(), m.leaseId(), m.key(),
                m.kind(), null, "attempt", m.attempt(), "providerId", m.providerId(), "demo", e.demo())).toList());
    }

    @EventListener
    void on(MessagesCancelled e) {
        log.recordAll(e.messages().stream().map(m -> event(AuditAction.MESSAGE_CANCELLED, m.messageId(), m.leaseId(), m.key(),
                m.kind(), m.reason().name(), "cancelReason", m.reason().name(), "caseId", m.caseId(), "stage", m.stage(),
                "channel", m.channel())).toList());
    }

    @EventListener
    void on(MessagesHeld e) {
        log.recordAll(e.messages().stream().map(m -> event(AuditAction.MESSAGE_HELD, m.messageId(), m.leaseId(), m.key(),
                m.kind(), m.reason().name(), "holdReason", m.reason().name(), "caseId", m.caseId(), "stage", m.stage(),
                "channel", m.channel())).toList());
    }

    /** Released by the person whose change supplied what the messages lacked. */
    @EventListener
    void on(MessagesReleased e) {
        log.recordAll(e.messages().stream().map(m -> event(AuditAction.MESSAGE_RELEASED, m.messageId(), m.leaseId(), m.key(),
                m.kind(), e.why(), "holdReason", m.reason() == null ? null : m.reason().name(), "heldAt",
                m.heldAt() == null ? null : m.heldAt().toString(), "caseId", m.caseId(), "stage", m.stage(),
                "channel", m.channel()).by(e.actor())).toList());
    }

    /** Queued texts that name the account, rendered again when a person corrected it. */
    @EventListener
    void on(MessagesRewritten e) {
        log.recordAll(e.messages().stream().map(m -> event(AuditAction.MESSAGE_REWRITTEN, m.messageId(), m.leaseId(), m.key(),
                m.kind(), e.why(), "caseId", m.caseId(), "stage", m.stage(), "channel", m.channel()).by(e.actor())).toList());
    }

    @EventListener
    void on(MessageRetryScheduled e) {
        log.record(event(AuditAction.MESSAGE_RETRY_SCHEDULED, e.messageId(), e.leaseId(), e.key(), e.kind(), e.reason(),
                "attempt", e.attempt(), "nextAttemptAt", e.nextAttemptAt().toString()));
    }

    @EventListener
    void on(MessageFailed e) {
        log.record(event(AuditAction.MESSAGE_FAILED, e.messageId(), e.leaseId(), e.key(), e.kind(), e.reason(),
                "attempt", e.attempt()));
    }

    @EventListener
    void on(MessageDelivered e) {
        log.record(event(AuditAction.MESSAGE_DELIVERED, e.messageId(), e.leaseId(), e.key(), e.kind(), null));
    }

    @EventListener
    void on(MessageResent e) {
        log.record(event(AuditAction.MESSAGE_RESENT, e.messageId(), e.leaseId(), e.key(), e.kind(), e.reason(),
                "previousError", e.previousError()).by(e.actor()));
    }

    /** The fall-back and the SMS it queued, in one append. */
    @EventListener
    void on(MessageFellBack e) {
        MessagesQueued.Queued sms = e.fallback();
        // "kind" is the fallback's: the row has always named what was queued in the AlimTalk's place
        log.recordAll(List.of(event(AuditAction.MESSAGE_FELL_BACK, e.messageId(), e.leaseId(), e.key(), sms.kind(),
                e.previousError(), "fallbackId", sms.messageId()), queued(sms)));
    }

    @EventListener
    void on(OptOutChanged e) {
        log.record(AuditAction.OPT_OUT_CHANGED, e.actor(), "TENANT", e.tenantId(), null, e.reason(),
                details("before", e.before(), "after", e.after()));
    }

    private static AuditLog.Event queued(MessagesQueued.Queued m) {
        AuditAction action = switch (m.state()) {
            case SKIPPED -> AuditAction.MESSAGE_SKIPPED;
            case FAILED -> AuditAction.MESSAGE_FAILED;
            case HELD -> AuditAction.MESSAGE_HELD;
            default -> AuditAction.MESSAGE_QUEUED;
        };
        Map<String, Object> details = details("key", m.key(), "caseId", m.caseId(), "stage", m.stage(), "channel", m.channel(),
                "kind", m.kind().name());
        if (m.fallbackOf() != null) {
            details.put("fallbackOf", m.fallbackOf());
        }
        return new AuditLog.Event(Viewer.SYSTEM_NAME, action, "MESSAGE", Long.toString(m.messageId()), lease(m.leaseId()),
                m.reason(), details);
    }

    /** A message's event: its key and kind first, then {@code more}. */
    private static AuditLog.Event event(AuditAction action, long messageId, long leaseId, String key, MessageKind kind,
            String reason, Object... more) {
        Map<String, Object> details = details("key", key, "kind", kind.name());
        details.putAll(details(more));
        return new AuditLog.Event(Viewer.SYSTEM_NAME, action, "MESSAGE", Long.toString(messageId), lease(leaseId), reason,
                details);
    }

    /** A message to a landlord (the monthly report) is about no lease: its events name none. */
    private static Long lease(long leaseId) {
        return leaseId == 0 ? null : leaseId;
    }
}
