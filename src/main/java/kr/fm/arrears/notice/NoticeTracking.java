package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.notice.internal.EpostTracking;
import kr.fm.arrears.shared.BusinessTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the post office's tracking API about every open posting with a 등기번호 (once a day, and on
 * demand), keeps each new processing event, and moves the notice to DELIVERED (date, receiver) or
 * RETURNED (reason). The API is asked outside any transaction; each answer is applied in one of its
 * own, under the posting's row lock, so a round running twice applies an outcome once. A failed or
 * unreadable answer changes no status: it is noted on the posting and asked again next round.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NoticeTracking {

    private static final Logger log = LoggerFactory.getLogger(NoticeTracking.class);

    private final EpostTracking api;
    private final Postings postings;
    private final NoticeStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** Whether a service key is set; without one nothing is asked and the page says so. */
    public boolean enabled() {
        return api.enabled();
    }

    /** One round: how many postings were asked about, how many changed status, failed, and the new events. */
    public record Round(boolean enabled, int asked, int delivered, int returned, int failed, int newEvents) {}

    public Round run() {
        if (!api.enabled()) {
            log.info("notice tracking is off: arrears.notice.tracking.service-key is not set");
            return new Round(false, 0, 0, 0, 0, 0);
        }
        int delivered = 0, returned = 0, failed = 0, events = 0;
        List<Long> due = postings.toTrack();
        for (long id : due) {
            Optional<Posting> p = Optional.ofNullable(tx.execute(s -> postings.lock(id).orElse(null))).filter(Posting::open);
            if (p.isEmpty()) {
                continue;
            }
            String registeredNo = p.get().registeredNo();
            try {
                EpostTracking.Trace trace = api.trace(registeredNo);
                Applied a = tx.execute(s -> apply(id, registeredNo, trace));
                if (a != null) {
                    events += a.newEvents();
                    delivered += a.outcome() == EpostTracking.Outcome.DELIVERED ? 1 : 0;
                    returned += a.outcome() == EpostTracking.Outcome.RETURNED ? 1 : 0;
                }
            } catch (EpostTracking.Failure f) {
                failed++;
                log.warn("tracking of posting {} failed, asked again next round: {}", id, f.getMessage());
                tx.executeWithoutResult(s -> postings.trackingFailed(id, f.getMessage(), BusinessTime.now(clock)));
            }
        }
        log.info("notice tracking: asked={} delivered={} returned={} failed={} newEvents={}", due.size(), delivered, returned,
                failed, events);
        return new Round(true, due.size(), delivered, returned, failed, events);
    }

    private record Applied(EpostTracking.Outcome outcome, int newEvents) {}

    private Applied apply(long postingId, String registeredNo, EpostTracking.Trace trace) {
        Posting p = postings.lock(postingId).orElseThrow();
        if (!p.open() || !registeredNo.equals(p.registeredNo())) {
            return null; // decided meanwhile, or the 등기번호 was corrected while we asked
        }
        List<Posting.Event> events = trace.events().stream()
                .map(e -> new Posting.Event(e.date(), e.time(), e.location(), e.status(), e.detail())).toList();
        int added = postings.track(postingId, trace.status(), events, BusinessTime.now(clock));
        CertifiedNotice n = store.lock(p.noticeId());
        if (added > 0) {
            Posting.Event last = events.get(events.size() - 1);
            this.events.publishEvent(new NoticeTracked(Viewer.SYSTEM.name(), n.id(), n.leaseId(), postingId, registeredNo, added,
                    last.date() + " " + last.time() + " " + last.status() + " " + last.location()));
        }
        if (n.status() != NoticeStatus.DISPATCHED) {
            return new Applied(EpostTracking.Outcome.IN_TRANSIT, added);
        }
        switch (trace.outcome()) {
            case DELIVERED -> {
                postings.delivered(postingId, trace.date(), trace.receiver(), BusinessTime.now(clock));
                n.delivered();
                store.saved(n, new NoticeDelivered(Viewer.SYSTEM.name(), n.id(), n.leaseId(), postingId, registeredNo, trace.date(),
                        trace.receiver()));
            }
            case RETURNED -> {
                postings.returned(postingId, trace.date(), trace.reason(), BusinessTime.now(clock));
                n.returned();
                store.saved(n, new NoticeReturned(Viewer.SYSTEM.name(), n.id(), n.leaseId(), postingId, registeredNo, trace.date(),
                        trace.reason()));
            }
            case IN_TRANSIT -> { }
        }
        return new Applied(trace.outcome(), added);
    }
}
