package kr.fm.arrears.notice.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * The outgoing adapter for a contracted B2B mail service that takes certified letters over an API.
 * There is no public API for the post office's internet 내용증명, so this is optional: without a
 * contract (the default) a MANAGER posts the approved PDF at the post office and records the
 * 접수번호 and 등기번호 by hand ({@code PostalHandoff}).
 */
public interface MailServiceGateway {

    record Letter(String dispatchKey, String fileName, byte[] pdf, String sender, String recipient) {}

    /** Sends the letter; returns the service's receipt number or throws {@link Failure}. */
    String send(Letter letter);

    /** Why a send failed; {@code retryable} for 5xx, 429, timeouts and broken connections. */
    class Failure extends RuntimeException {
        private final boolean retryable;
        private final Duration retryAfter;

        public Failure(String message, boolean retryable, Duration retryAfter) {
            super(message);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        public boolean retryable() {
            return retryable;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }
}
