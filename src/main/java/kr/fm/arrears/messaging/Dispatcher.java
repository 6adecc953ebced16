package kr.fm.arrears.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import kr.fm.arrears.messaging.internal.SendResult;
import kr.fm.arrears.messaging.internal.TextProvider;
import kr.fm.arrears.shared.Backoff;
import kr.fm.arrears.shared.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due. Claims a small batch (FOR UPDATE SKIP LOCKED, so any number of dispatchers
 * share the outbox), sends outside any transaction, then records the outcomes with their audit events.
 * Inside quiet hours nothing is claimed: every due row waits for the window to open.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int RECORD_ATTEMPTS = 4;

    private final Outbox outbox;
    private final SendCheck check;
    private final MessageSender sender;
    private final Transitions transitions;
    private final Holidays holidays;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MessagingProperties properties;
    private final Backoff backoff;
    private final ContactWindow window;
    private final RandomGenerator random = RandomGenerator.getDefault();

    public Dispatcher(Outbox outbox, SendCheck check, MessageSender sender, Transitions transitions, Holidays holidays,
            TransactionTemplate tx, Clock clock, MessagingProperties properties) {
        this.outbox = outbox;
        this.check = check;
        this.sender = sender;
        this.transitions = transitions;
        this.holidays = holidays;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.backoff = properties.retry().backoff();
        this.window = properties.quiet().window();
    }

    /** One batch; how many messages were attempted. */
    public int dispatchBatch() {
        Instant now = clock.instant();
        Set<LocalDate> days = holidays.days();
        if (!window.isOpen(now, days)) {
            int waiting = outbox.postponeDue(now, window.nextOpening(now, days));
            if (waiting > 0) {
                log.info("{} message(s) wait for the contact window to open", waiting);
            }
            return 0;
        }
        List<Message> batch = claimStillTrue(now);
        if (batch.isEmpty()) {
            return 0;
        }
        List<SendResult> results = sender.send(batch, groupsOf(batch));
        recordOutcomes(batch, results);
        return batch.size();
    }

    /**
     * Claims a batch and, in the same transaction, cancels what is no longer true (SendCheck) and holds
     * what would print an account there is none of; what is left is sent. Empty only when nothing was due: a batch entirely cancelled claims the next one, so
     * the drain goes on.
     */
    private List<Message> claimStillTrue(Instant now) {
        LocalDate today = BusinessTime.today(clock);
        while (true) {
            List<Message> claimed = new ArrayList<>();
            List<Message> stillTrue = tx.execute(s -> {
                claimed.addAll(outbox.claim(now, properties.batchSize(), now.plus(properties.claimTimeout())));
                Map<Long, CancelReason> stale = check.stale(claimed, today);
                List<Message> cancelled = claimed.stream().filter(m -> stale.containsKey(m.id())).toList();
                transitions.cancelled(cancelled, cancelled.stream().map(m -> stale.get(m.id())).toList(), now);
                // true, but it would print an account the landlord no longer has: held until one is set
                List<Message> left = claimed.stream().filter(m -> !stale.containsKey(m.id())).toList();
                Set<Long> withoutAccount = check.withoutAccount(left);
                transitions.held(left.stream().filter(m -> withoutAccount.contains(m.id())).toList(), HoldReason.NO_BANK_ACCOUNT,
                        now);
                return left.stream().filter(m -> !withoutAccount.contains(m.id())).toList();
            });
            if (claimed.isEmpty() || !stillTrue.isEmpty()) {
                return stillTrue;
            }
        }
    }

    /**
     * One commit per batch. Should it fail, the claims run out and the rows are sent again under the
     * same request ids: the text provider de-duplicates them, but an e-mail would arrive twice. So a
     * failure that surely rolled back (the database went away before the commit) is tried again a
     * few times first; one at the commit itself may have committed and is left to the claims.
     */
    private void recordOutcomes(List<Message> batch, List<SendResult> results) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> {
                    Instant done = clock.instant();
                    List<Message> accepted = new ArrayList<>();
                    List<String> providerIds = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        if (results.get(i) instanceof SendResult.Accepted a) {
                            accepted.add(batch.get(i));
                            providerIds.add(a.providerId());
                        } else {
                            record(batch.get(i), results.get(i), done);
                        }
                    }
                    // the usual outcome, recorded for the whole batch at once (one append to the audit chain)
                    transitions.sent(accepted, providerIds, sender.demo(), done);
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS || !rolledBack(e)) {
                    throw e;
                }
                log.warn("recording {} sent message(s) failed (attempt {}), trying again: {}", batch.size(), attempt, e.getMessage());
                pause(Duration.ofSeconds(attempt));
            }
        }
    }

    private static boolean rolledBack(RuntimeException e) {
        if (e instanceof TransactionSystemException t) {
            return t.getApplicationException() != null; // failed inside, and then the rollback failed too
        }
        return e instanceof CannotCreateTransactionException || !(e instanceof TransactionException);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Batches until nothing is due now. */
    public int drain() {
        int total = 0;
        for (int n = dispatchBatch(); n > 0; n = dispatchBatch()) {
            total += n;
        }
        return total;
    }

    /** The outbox side of a provider group: stored in its own commit, before the texts are handed over. */
    private TextProvider.Groups groupsOf(List<Message> batch) {
        Map<String, Long> ids = new java.util.HashMap<>();
        batch.forEach(m -> ids.put(m.requestId(), m.id()));
        return (requestIds, group) -> outbox.assignGroup(requestIds.stream().map(ids::get).toList(), group);
    }

    private void record(Message m, SendResult result, Instant now) {
        if (result instanceof SendResult.Rejected r) {
            transitions.failed(m, r.reason(), now);
        } else if (result instanceof SendResult.Retryable r) {
            if (backoff.canRetry(m.attempts())) {
                transitions.retryLater(m, backoff.next(now, m.attempts(), r.retryAfter(), random), r.reason(), now);
            } else {
                transitions.failed(m, r.reason() + " (after " + m.attempts() + " attempts)", now);
            }
        }
    }
}
