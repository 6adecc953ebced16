package kr.fm.arrears.escalation.internal;

import java.time.LocalDateTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The Spring Batch side of a run whose process died: its execution still reads STARTED, which Spring
 * Batch takes for "running" and so refuses to restart. Marked FAILED (not ABANDONED, which Batch
 * would never restart, nor skip the step of), it restarts after the last committed page.
 *
 * <p>Also a run that ended UNKNOWN: the database went away while a page was being written, so the
 * rollback failed and Batch cannot tell whether that page committed. Here it does not matter: a
 * page's rows, its counts and the reader's position commit in one transaction, so the Batch tables say
 * exactly which pages are in, and the writer's unique keys make a page applied twice harmless anyway.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AbandonedExecutions {

    private final JobExplorer explorer;
    private final JobRepository repository;

    /**
     * Fails the run's last execution if it is still marked running or ended UNKNOWN, so that it can be
     * restarted; returns the pages its steps had committed.
     */
    public int fail(JobParameters run, String why) {
        JobExecution last = repository.getLastJobExecution(EscalationJobConfiguration.JOB, run);
        if (last == null || !(last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN)) {
            return 0;
        }
        int pages = 0;
        JobExecution execution = explorer.getJobExecution(last.getId());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            // the step's final empty read commits once more; pages = commits until the crash
            if (step.getStepName().equals("escalateLeases")) { // the plans' check before it is not a page
                pages += step.getCommitCount();
            }
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        execution.setEndTime(now);
        repository.update(execution);
        return pages;
    }
}
