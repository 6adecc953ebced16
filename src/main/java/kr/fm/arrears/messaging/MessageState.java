package kr.fm.arrears.messaging;

/**
 * Where a message is. QUEUED waits for its next attempt; SENDING is claimed by a dispatcher; SENT
 * was accepted by the provider; DELIVERED/FAILED are final (a FAILED one may be resent by hand);
 * SKIPPED was never sendable (no mobile number, no e-mail, the tenant opted out); CANCELLED was
 * sendable when queued but no longer true when its turn came (see {@link CancelReason}); HELD is true
 * but cannot say what it must yet (see {@link HoldReason}): held when queued or at its turn, released to
 * QUEUED (or, no longer true by then, CANCELLED; its template failing, FAILED) when a person supplies it.
 *
 * <p>The outbox moves whole batches in one statement each; {@link Message#mustBecome} checks every
 * move against {@link #canBecome} first, so the lifecycle is written down here and nowhere else.
 * (The SQL keeps its state literals in WHERE clauses: the partial indexes are defined on them.)
 */
public enum MessageState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, SKIPPED, CANCELLED, HELD;

    /** Whether a message in this state may move to {@code next}. */
    public boolean canBecome(MessageState next) {
        return switch (this) {
            case QUEUED -> next == SENDING;
            // claimed: the provider's answer, a retry later, or the last look before sending
            case SENDING -> next == SENT || next == QUEUED || next == FAILED || next == CANCELLED || next == HELD;
            // the provider's delivery result
            case SENT -> next == DELIVERED || next == FAILED;
            // resent by a person
            case FAILED -> next == QUEUED;
            // released: rendered again with what it lacked, or no longer true by then
            case HELD -> next == QUEUED || next == CANCELLED || next == FAILED;
            case DELIVERED, SKIPPED, CANCELLED -> false;
        };
    }
}
