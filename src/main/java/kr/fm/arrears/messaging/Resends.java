package kr.fm.arrears.messaging;

import kr.fm.arrears.shared.Viewer;
import java.time.Clock;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A FAILED message sent again by a person (a new request id, a new provider group); the API and the pages. */
@Component
public class Resends {

    private final Outbox outbox;
    private final Transitions transitions;
    private final Clock clock;

    Resends(Outbox outbox, Transitions transitions, Clock clock) {
        this.outbox = outbox;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Only a FAILED message (a sent one would reach the tenant twice); {@link Conflict} otherwise. */
    @Transactional
    public Message resend(long id, String reason) {
        Message m = outbox.find(Viewer.SYSTEM, id).orElseThrow(() -> new NotFound("message", id));
        if (!transitions.resend(Viewer.SYSTEM, m, reason, clock.instant())) {
            throw new Conflict("메시지 " + id + "의 상태는 " + m.state() + "입니다. 실패(FAILED)한 메시지만 다시 보낼 수 있습니다");
        }
        return outbox.find(Viewer.SYSTEM, id).orElseThrow();
    }
}
