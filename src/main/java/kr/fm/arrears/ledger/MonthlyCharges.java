package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.YearMonth;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.scheduling.ScheduledJob;
import lombok.RequiredArgsConstructor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Generates this month's and next month's charges on the clustered Quartz schedule
 * ({@code arrears.charges.cron}): one instance fires it, and the unique key on charges would make a
 * second firing create nothing anyway.
 */
@DisallowConcurrentExecution
@RequiredArgsConstructor
class MonthlyCharges extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(MonthlyCharges.class);
    private final ChargeGenerator generator;
    private final Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        YearMonth month = YearMonth.from(BusinessTime.today(clock));
        int created = generator.generateMonth(month, Viewer.SYSTEM_NAME).size()
                + generator.generateMonth(month.plusMonths(1), Viewer.SYSTEM_NAME).size();
        log.info("monthly charges generated: month={} created={}", month, created);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerSettings.class)
    static class Schedule {
        @Bean
        ScheduledJob monthlyChargesSchedule(LedgerSettings settings) {
            return new ScheduledJob("monthly-charges", MonthlyCharges.class, settings.charges().cron(),
                    "this month's and next month's charges");
        }
    }
}
