package kr.fm.arrears.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed call again: exponential backoff with full jitter, capped, or exactly what
 * the provider asked for in {@code Retry-After} (429/503). Used by every gateway (messages, post).
 *
 * @param base        delay before the first retry
 * @param cap         longest delay between two attempts
 * @param maxAttempts attempts in all, the first included; after the last the item is FAILED
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 6);

    /** Whether another attempt is allowed after {@code attemptsMade} attempts. */
    public boolean canRetry(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The next attempt time after {@code attemptsMade} failed attempts (1 = the first failed). */
    public Instant next(Instant now, int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            return now.plus(retryAfter.get());
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attemptsMade - 1, 20));
        // full jitter: instances that failed together do not retry together
        long delay = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
        return now.plusMillis(delay);
    }
}
