package kr.fm.arrears.shared;

import java.time.Duration;

/**
 * Too much of one kind of heavy work at once (PDF renders, imports): answered 503 with Retry-After,
 * and nothing was done. Bounded queues keep one caller from making everyone else wait.
 */
public class Busy extends RuntimeException {

    private final Duration retryAfter;

    public Busy(String what, Duration retryAfter) {
        super(what);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
