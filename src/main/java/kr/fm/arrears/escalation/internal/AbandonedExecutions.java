package kr.fm.arrears.escalation.internal;

import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The Spring Batch side of a run whose process died: its execution still reads STARTED, which Spring
 * Batch takes for "running" and so refuses to restart. Marked FAILED (not ABANDONED, which Batch
 * would never restart, nor skip the step of), it restarts after the last committed page.
 */
@Component
public class AbandonedExecutions {

    private final JobExplorer explorer;
    private final JobRepository repository;

    AbandonedExecutions(JobExplorer explorer, JobRepository repository) {
        this.explorer = explorer;
        this.repository = repository;
    }

    /** Fails the run's executions still marked running; returns the pages they had committed. */
    public int fail(long run, String why) {
        int pages = 0;
        for (JobExecution execution : explorer.findRunningJobExecutions(EscalationJobConfiguration.JOB)) {
            if (!Long.valueOf(run).equals(execution.getJobParameters().getLong("run"))) {
                continue;
            }
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : execution.getStepExecutions()) {
                // the step's final empty read commits once more; pages = commits until the crash
                pages += step.getCommitCount();
                if (step.getStatus().isRunning()) {
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
        }
        return pages;
    }
}
