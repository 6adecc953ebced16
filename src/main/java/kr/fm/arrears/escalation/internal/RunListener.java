package kr.fm.arrears.escalation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mirrors each execution's status onto its run, so "the last completed real run" is one indexed query. */
@RequiredArgsConstructor
class RunListener implements JobExecutionListener {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public void beforeJob(JobExecution execution) {
        jdbc.sql("UPDATE escalation_run SET status = 'STARTED', finished_at = NULL WHERE id = ?")
                .param(execution.getJobParameters().getLong("run")).update();
    }

    @Override
    public void afterJob(JobExecution execution) {
        // a run that completed past leases it could not decide says so: they are listed with the run
        jdbc.sql("""
                UPDATE escalation_run SET finished_at = ?,
                       status = CASE WHEN CAST(? AS TEXT) = 'COMPLETED' AND errors > 0 THEN 'COMPLETED_WITH_ERRORS' ELSE ? END
                WHERE id = ?""")
                .params(Timestamp.from(clock.instant()), execution.getStatus().name(), execution.getStatus().name(),
                        execution.getJobParameters().getLong("run"))
                .update();
    }
}
