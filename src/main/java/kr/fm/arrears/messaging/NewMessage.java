package kr.fm.arrears.messaging;

import java.time.LocalDate;

/**
 * A message about to enter the outbox, already rendered. {@code state} is QUEUED, SKIPPED, FAILED (with
 * {@code reason}) or HELD (with a {@link HoldReason}'s name as {@code reason}); {@code needsAccount}: its
 * text prints the account to pay into; {@code template} and {@code dueAmount}: what it is rendered from
 * again if it is held.
 */
record NewMessage(String idempotencyKey, Long caseId, long leaseId, long tenantId, String stage, String channel,
        MessageKind kind, String recipient, String templateCode, String subject, String body, String htmlBody,
        String fallbackBody, String fallbackSubject, Long fallbackOf, MessageState state, String reason, LocalDate dueDate,
        boolean needsAccount, String template, Long dueAmount) {

    /** The same message in another state, with its reason. */
    NewMessage as(MessageState state, String reason) {
        return new NewMessage(idempotencyKey, caseId, leaseId, tenantId, stage, channel, kind, recipient, templateCode, subject,
                body, htmlBody, fallbackBody, fallbackSubject, fallbackOf, state, reason, dueDate, needsAccount, template,
                dueAmount);
    }

    /** As inserted under {@code id}. */
    MessagesQueued.Queued queued(long id) {
        return new MessagesQueued.Queued(id, leaseId, idempotencyKey, caseId, stage, channel, kind, state, reason, fallbackOf);
    }
}
