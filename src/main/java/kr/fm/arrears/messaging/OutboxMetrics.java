package kr.fm.arrears.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The outbox at a glance in Actuator ({@code /actuator/metrics/arrears.outbox.messages?tag=state:failed}):
 * counted from the table when scraped, so every instance reports the same truth.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, Outbox outbox) {
        gauge(registry, outbox, "queued", MessageState.QUEUED, MessageState.SENDING);
        gauge(registry, outbox, "sent", MessageState.SENT);
        gauge(registry, outbox, "delivered", MessageState.DELIVERED);
        gauge(registry, outbox, "failed", MessageState.FAILED);
        gauge(registry, outbox, "skipped", MessageState.SKIPPED);
        gauge(registry, outbox, "held", MessageState.HELD);
    }

    private static void gauge(MeterRegistry registry, Outbox outbox, String tag, MessageState... states) {
        Gauge.builder("arrears.outbox.messages", outbox, o -> o.count(states))
                .description("messages in the outbox by state").tag("state", tag).register(registry);
    }
}
