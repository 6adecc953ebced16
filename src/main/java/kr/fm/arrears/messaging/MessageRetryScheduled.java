package kr.fm.arrears.messaging;

import java.time.Instant;

/** A send failed in a way worth trying again: the message waits until {@code nextAttemptAt}. */
public record MessageRetryScheduled(long messageId, long leaseId, String key, MessageKind kind, String reason, int attempt,
        Instant nextAttemptAt) {}
