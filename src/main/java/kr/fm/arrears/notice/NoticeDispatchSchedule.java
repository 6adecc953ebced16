package kr.fm.arrears.notice;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due notice dispatches every little while; off in tests, which drive {@link NoticeDispatch} directly. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "arrears.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class NoticeDispatchSchedule {

    private final NoticeDispatch dispatch;

    NoticeDispatchSchedule(NoticeDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(fixedDelayString = "${arrears.notice.postal.poll:PT30S}")
    void sendDue() {
        dispatch.sendDue();
    }
}
