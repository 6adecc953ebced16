package kr.fm.arrears.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import kr.fm.arrears.messaging.Holidays;
import kr.fm.arrears.scheduling.ScheduledJob;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The monthly reports on the clustered Quartz schedule: at 09:00 Seoul on each of the month's first
 * seven days, and it acts from the first business day on (no weekend, no public holiday), so a day the
 * service was down is caught up the next morning; the reports' unique key keeps each landlord's month
 * to one report whichever node fires.
 */
@DisallowConcurrentExecution
@RequiredArgsConstructor
public class MonthlyReportJob extends QuartzJobBean {

    static final String CRON = "0 0 9 1-7 * ?";

    private final OwnerReports reports;
    private final Holidays holidays;
    private final Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        LocalDate today = BusinessTime.today(clock);
        if (!today.isBefore(firstBusinessDay(today, holidays.days()))) {
            reports.generate(reports.previousMonth(), false, Viewer.SYSTEM_NAME);
        }
    }

    /** The month's first day that is neither a Saturday, a Sunday nor a public holiday. */
    static LocalDate firstBusinessDay(LocalDate anyDayOfMonth, Set<LocalDate> holidays) {
        LocalDate d = anyDayOfMonth.withDayOfMonth(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.contains(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        ScheduledJob monthlyReportSchedule() {
            return new ScheduledJob("monthly-owner-report", MonthlyReportJob.class, CRON,
                    "monthly owner report of the previous month, from the first business day at 09:00");
        }
    }
}
