package kr.fm.arrears.shared;

import java.time.Duration;

/** One caller asked for the same costly thing too often: answered 429 with Retry-After. */
public class RateLimited extends RuntimeException {

    private final Duration retryAfter;

    public RateLimited(String what, Duration retryAfter) {
        super(what);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
