package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer.Role;
import kr.fm.arrears.shared.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.fm.arrears.shared.TryLater;
import org.springframework.stereotype.Component;

/**
 * A LANDLORD may ask for {@code arrears.notice.preview.landlord-per-minute} (10) previews a minute:
 * plenty to read their notices, too few to keep the renderer busy for everyone else. Staff are not
 * limited (their previews are the approval work). Time is the injected clock's.
 */
@Component
class PreviewRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    PreviewRateLimit(NoticeProperties properties, Clock clock) {
        this.perMinute = properties.preview().landlordPerMinute();
        this.clock = clock;
    }

    void check(Viewer who) {
        if (who.role() != Role.LANDLORD) {
            return;
        }
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(who.name(), name -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                throw TryLater.tooOften("미리보기는 1분에 " + perMinute + "번까지입니다",
                        Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            times.addLast(now);
        }
    }
}
