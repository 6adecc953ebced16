package kr.fm.arrears.notice;

import kr.fm.arrears.scheduling.ScheduledJob;
import lombok.RequiredArgsConstructor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The daily tracking round on the clustered Quartz schedule ({@code arrears.notice.tracking.cron}):
 * one instance fires it; the row locks of {@link NoticeTracking} make an on-demand round at the same
 * time harmless.
 */
@DisallowConcurrentExecution
@RequiredArgsConstructor
public class NoticeTrackingJob extends QuartzJobBean {

    private final NoticeTracking tracking;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        tracking.run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        ScheduledJob noticeTrackingSchedule(NoticeProperties properties) {
            return new ScheduledJob("notice-tracking", NoticeTrackingJob.class, properties.tracking().cron(),
                    "tracking of every dispatched notice at the post office (종적조회)");
        }
    }
}
