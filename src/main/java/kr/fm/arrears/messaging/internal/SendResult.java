package kr.fm.arrears.messaging.internal;

import java.time.Duration;
import java.util.Optional;

/** What a gateway made of one attempt. */
public sealed interface SendResult {

    /** The provider took the message. */
    record Accepted(String providerId) implements SendResult {}

    /** Worth another attempt: 5xx, 429, a timeout, a reset connection. */
    record Retryable(String reason, Optional<Duration> retryAfter) implements SendResult {}

    /** The provider refused it (4xx); sending it again would fail the same way. */
    record Rejected(String reason) implements SendResult {}
}
