package kr.fm.arrears.imports;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.fm.arrears.shared.TryLater;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * An import holds its whole file (up to 20 MB) and every parsed row in memory until it is checked:
 * only {@code arrears.imports.concurrency} (2) run at a time, the others wait up to
 * {@code arrears.imports.queue-timeout} and are then answered 503. Ten large uploads at once thus
 * cost two files of memory, not ten.
 */
@Component
@EnableConfigurationProperties(ImportSettings.class)
public class ImportSlots {

    public interface Work<T> {
        T run() throws IOException;
    }

    private final Semaphore slots;
    private final Duration wait;

    ImportSlots(ImportSettings settings) {
        this.slots = new Semaphore(settings.concurrency(), true);
        this.wait = settings.queueTimeout();
    }

    public <T> T run(Work<T> work) throws IOException {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TryLater.busy("가져오기를 기다리다 중단되었습니다", wait);
        }
        if (!acquired) {
            throw TryLater.busy("다른 가져오기가 진행 중입니다", wait);
        }
        try {
            return work.run();
        } finally {
            slots.release();
        }
    }
}
