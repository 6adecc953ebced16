package kr.fm.arrears.messaging;

import java.time.LocalDate;

/** A message about to enter the outbox, already rendered. {@code state} is QUEUED or SKIPPED. */
record NewMessage(String idempotencyKey, Long caseId, long leaseId, long tenantId, String stage, String channel,
        MessageKind kind, String recipient, String templateCode, String subject, String body, String htmlBody,
        String fallbackBody, String fallbackSubject, Long fallbackOf, MessageState state, String reason, LocalDate dueDate) {

    /** As inserted under {@code id}. */
    MessagesQueued.Queued queued(long id) {
        return new MessagesQueued.Queued(id, leaseId, idempotencyKey, caseId, stage, channel, kind, state, reason, fallbackOf);
    }
}
