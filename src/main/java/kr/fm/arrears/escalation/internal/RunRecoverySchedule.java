package kr.fm.arrears.escalation.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.fm.arrears.escalation.EscalationRuns;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for runs that lost their process, shortly after start-up and then every little while. A
 * resumed run executes on a thread of its own: the shared scheduling thread keeps dispatching messages.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "arrears.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class RunRecoverySchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunRecoverySchedule.class);
    private final EscalationRuns runs;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "escalation-run-recovery"));

    @Scheduled(initialDelayString = "${arrears.escalation.recovery-interval:PT30S}",
            fixedDelayString = "${arrears.escalation.recovery-interval:PT30S}")
    void recover() {
        if (busy.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    runs.recoverAbandoned();
                } catch (RuntimeException e) {
                    log.warn("recovering abandoned escalation runs failed; trying again later", e);
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
