package kr.fm.arrears.notice;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due mail-service dispatches every little while, when a contracted mail service is enabled;
 * off in tests, which drive {@link NoticeDispatch} directly.
 */
@Component
@EnableScheduling
@ConditionalOnExpression("${arrears.scheduling.enabled:true} and ${arrears.notice.mail-service.enabled:false}")
@RequiredArgsConstructor
class NoticeDispatchSchedule {

    private final NoticeDispatch dispatch;

    @Scheduled(fixedDelayString = "${arrears.notice.mail-service.poll:PT30S}")
    void sendDue() {
        dispatch.sendDue();
    }
}
