package kr.fm.arrears.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the outbox as the API shows it. {@code dueDate}: an UPCOMING reminder's due date;
 * {@code sentInDemo}: "sent" in demo mode, so it never left the building; {@code providerGroup}: the
 * provider's message group that holds it (Solapi), stored before it was handed over; {@code landlordId}:
 * set for a message to a landlord (the monthly report: no lease, no tenant, {@code leaseId} and
 * {@code tenantId} 0); {@code attachmentRef}: a stored document the mail gateway attaches when it sends;
 * {@code holdReason}: why a HELD message waits; {@code needsAccount}: its text prints the account to pay into.
 */
public record Message(long id, String idempotencyKey, Long caseId, long leaseId, long tenantId, String stage,
        String channel, MessageKind kind, String recipient, String templateCode, String subject, String body,
        String htmlBody, String fallbackBody, String fallbackSubject, Long fallbackOf, MessageState state, int attempts,
        int resends, Instant nextAttemptAt, String lastError, String providerId, Instant createdAt, Instant sentAt,
        Instant deliveredAt, LocalDate dueDate, CancelReason cancelReason, Instant cancelledAt, boolean sentInDemo,
        String providerGroup, Long landlordId, String attachmentRef, HoldReason holdReason, Instant heldAt,
        boolean needsAccount) {

    /** A message to a landlord rather than to a lease's tenant: none of the arrears checks apply to it. */
    public boolean toLandlord() {
        return landlordId != null;
    }

    /** The request id the provider de-duplicates on: the key, and a fresh one per manual resend. */
    public String requestId() {
        return resends == 0 ? idempotencyKey : idempotencyKey + "#resend-" + resends;
    }

    /** The guard of every move the outbox makes: refused when this message's state cannot become {@code next}. */
    Message mustBecome(MessageState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("message " + id + " is " + state + " and cannot become " + next);
        }
        return this;
    }
}
