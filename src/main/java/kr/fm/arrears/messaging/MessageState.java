package kr.fm.arrears.messaging;

/**
 * Where a message is. QUEUED waits for its next attempt; SENDING is claimed by a dispatcher; SENT
 * was accepted by the provider; DELIVERED/FAILED are final (a FAILED one may be resent by hand);
 * SKIPPED was never sendable (no mobile number, no e-mail, the tenant opted out); CANCELLED was
 * sendable when queued but no longer true when its turn came (see {@link CancelReason}).
 */
public enum MessageState { QUEUED, SENDING, SENT, DELIVERED, FAILED, SKIPPED, CANCELLED }
