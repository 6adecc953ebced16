package kr.fm.arrears.shared;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Costly work refused for now, nothing done, with when to come back ({@code Retry-After}): too much
 * of it at once for everyone (503: PDF renders, imports; bounded queues keep one caller from making
 * everyone else wait), or one caller asking too often (429: a landlord's previews).
 */
public class TryLater extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;

    private TryLater(HttpStatus status, String what, Duration retryAfter) {
        super(what);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static TryLater busy(String what, Duration retryAfter) {
        return new TryLater(HttpStatus.SERVICE_UNAVAILABLE, what, retryAfter);
    }

    public static TryLater tooOften(String what, Duration retryAfter) {
        return new TryLater(HttpStatus.TOO_MANY_REQUESTS, what, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
