package kr.fm.arrears.scheduling;

import kr.fm.arrears.shared.BusinessTime;
import java.util.List;
import java.util.TimeZone;
import lombok.RequiredArgsConstructor;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts every {@link ScheduledJob} into the clustered Quartz store before the scheduler starts. A
 * trigger already stored is kept as it is (so a run missed while every instance was down is still
 * due, and fires once on start-up) unless its cron changed; two instances starting together store it once.
 */
@Component
@RequiredArgsConstructor
public class QuartzSchedules implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(QuartzSchedules.class);
    private final Scheduler scheduler;
    private final List<ScheduledJob> jobs;

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (ScheduledJob job : jobs) {
                register(scheduler, job);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot store the schedules in Quartz: " + e.getMessage(), e);
        }
    }

    public static JobDetail jobDetail(ScheduledJob job) {
        return JobBuilder.newJob(job.jobClass()).withIdentity(job.name()).withDescription(job.description())
                .storeDurably().build();
    }

    /** Misfire: a firing missed while the service was down runs once, now, not once per missed day. */
    public static CronTrigger trigger(ScheduledJob job) {
        return TriggerBuilder.newTrigger().withIdentity(job.name()).forJob(job.name())
                .withSchedule(CronScheduleBuilder.cronSchedule(job.cron()).inTimeZone(TimeZone.getTimeZone(BusinessTime.SEOUL))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static void register(Scheduler scheduler, ScheduledJob job) throws SchedulerException {
        scheduler.addJob(jobDetail(job), true);
        CronTrigger wanted = trigger(job);
        Trigger stored = scheduler.getTrigger(TriggerKey.triggerKey(job.name()));
        if (stored == null) {
            try {
                scheduler.scheduleJob(wanted);
                log.info("scheduled {} at cron '{}' Asia/Seoul", job.name(), job.cron());
            } catch (ObjectAlreadyExistsException anotherInstanceWasFirst) {
                // the same trigger, stored by another instance starting at the same time
            }
        } else if (!(stored instanceof CronTrigger cron) || !cron.getCronExpression().equals(job.cron())
                || !cron.getTimeZone().getID().equals(BusinessTime.SEOUL.getId())) {
            scheduler.rescheduleJob(stored.getKey(), wanted);
            log.info("rescheduled {} at cron '{}' Asia/Seoul", job.name(), job.cron());
        }
    }
}
