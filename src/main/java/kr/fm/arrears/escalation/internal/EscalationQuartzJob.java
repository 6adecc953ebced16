package kr.fm.arrears.escalation.internal;

import java.time.Clock;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import lombok.RequiredArgsConstructor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz fires, the batch runs: turns the firing into a run for today's business date, nothing more. */
@DisallowConcurrentExecution
@RequiredArgsConstructor
public class EscalationQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(EscalationQuartzJob.class);
    private final EscalationRuns runs;
    private final Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        boolean dryRun = context.getMergedJobDataMap().containsKey("dryRun") && context.getMergedJobDataMap().getBoolean("dryRun");
        try {
            EscalationRuns.RunView run = runs.start(BusinessTime.today(clock), dryRun, Viewer.SYSTEM_NAME);
            log.info("escalation run {} for {}: {}", run.id(), run.businessDate(), run.status());
        } catch (Conflict refused) {
            log.error("scheduled escalation run refused: {}", refused.getMessage()); // never a silent stall
        }
    }
}
