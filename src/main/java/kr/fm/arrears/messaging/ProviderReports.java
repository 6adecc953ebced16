package kr.fm.arrears.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.messaging.internal.TextProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery results fetched rather than pushed: for every provider group with texts still SENT after
 * {@code arrears.messaging.reports-after}, asks the provider what became of them (Solapi: the group's
 * message list) and applies it — 4000 DELIVERED, 3xxx FAILED with the reason (a failed AlimTalk then
 * falls back to its SMS). Pending ones stay SENT and are asked about again next round; a group the
 * provider cannot answer for is left as it is, never given a status it did not report.
 */
@Component
class ProviderReports {

    private static final Logger log = LoggerFactory.getLogger(ProviderReports.class);
    private static final int GROUPS_PER_ROUND = 50;

    private final Outbox outbox;
    private final MessageSender sender;
    private final Transitions transitions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MessagingProperties properties;

    ProviderReports(Outbox outbox, MessageSender sender, Transitions transitions, TransactionTemplate tx, Clock clock,
            MessagingProperties properties) {
        this.outbox = outbox;
        this.sender = sender;
        this.transitions = transitions;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** One round; how many messages changed state. */
    int reconcile() {
        if (sender.demo()) {
            return 0;
        }
        Instant now = clock.instant();
        int changed = 0;
        for (String group : outbox.unreportedGroups(now.minus(properties.reportsAfter()), GROUPS_PER_ROUND)) {
            List<TextProvider.Report> reports;
            try {
                reports = sender.texts().reports(group);
            } catch (RuntimeException e) {
                log.warn("the provider could not report on group {} (asked again next round): {}", group, e.getMessage());
                continue;
            }
            changed += tx.execute(s -> apply(group, reports, now));
        }
        return changed;
    }

    private int apply(String group, List<TextProvider.Report> reports, Instant now) {
        Map<String, Message> sent = outbox.sentInGroupForUpdate(group);
        int changed = 0;
        for (TextProvider.Report r : reports) {
            Message m = sent.get(r.requestId());
            if (m == null || r.status() == TextProvider.Status.PENDING) {
                continue; // already final, or not yet known
            }
            if (r.status() == TextProvider.Status.DELIVERED) {
                transitions.delivered(m, now);
            } else {
                transitions.failed(m, "제공사: " + (r.reason() == null ? "전달되지 않음" : r.reason()), now);
            }
            changed++;
        }
        return changed;
    }
}
