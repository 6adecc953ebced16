package kr.fm.arrears.messaging;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the dispatcher every few seconds; off in tests, which call the dispatcher themselves. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "arrears.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class DispatchSchedule {

    private final Dispatcher dispatcher;
    private final ProviderReports reports;

    /** Delivery results the provider holds (Solapi is asked; a pushing provider reports by webhook). */
    @Scheduled(fixedDelayString = "${arrears.messaging.reports-interval:PT5M}")
    void reconcileReports() {
        reports.reconcile();
    }

    @Scheduled(fixedDelayString = "${arrears.messaging.dispatch-interval:PT10S}")
    void dispatch() {
        dispatcher.drain();
    }
}
