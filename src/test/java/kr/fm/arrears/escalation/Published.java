package kr.fm.arrears.escalation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stands in for messaging and notices: keeps the events of transactions that committed, the way an
 * outbox row written by a listener would survive only if the chunk committed. Can also fail once
 * for one lease, as a listener whose insert breaks would.
 */
public class Published {

    final List<Object> events = new CopyOnWriteArrayList<>();
    final AtomicLong failOnceForLease = new AtomicLong(-1);

    /** Listens to what the run publishes, a page at a time, and keeps each stage and reminder of it. */
    @EventListener
    void on(StepsApplied page) {
        for (StageReached e : page.reached()) {
            if (failOnceForLease.compareAndSet(e.leaseId(), -1)) {
                throw new IllegalStateException("injected failure while enqueuing for lease " + e.leaseId());
            }
            keepIfCommitted(e);
        }
        page.upcoming().forEach(this::keepIfCommitted);
    }

    private void keepIfCommitted(Object e) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.add(e);
            }
        });
    }

    List<StageReached> stages(long leaseId) {
        return events.stream().filter(e -> e instanceof StageReached s && s.leaseId() == leaseId).map(StageReached.class::cast).toList();
    }

    List<UpcomingDue> upcoming(long leaseId) {
        return events.stream().filter(e -> e instanceof UpcomingDue u && u.leaseId() == leaseId).map(UpcomingDue.class::cast).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        Published published() {
            return new Published();
        }
    }
}
