package kr.fm.arrears.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the dispatcher every few seconds; off in tests, which call the dispatcher themselves. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "arrears.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DispatchSchedule {

    private final Dispatcher dispatcher;

    DispatchSchedule(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${arrears.messaging.dispatch-interval:PT10S}")
    void dispatch() {
        dispatcher.drain();
    }
}
