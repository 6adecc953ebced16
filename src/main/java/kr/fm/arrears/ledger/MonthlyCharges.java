package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.YearMonth;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Generates this month's and next month's charges on schedule. Safe to run on every instance:
 * the unique key on charges makes the second run create nothing.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "arrears.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class MonthlyCharges {

    private static final Logger log = LoggerFactory.getLogger(MonthlyCharges.class);
    private final ChargeGenerator generator;
    private final Clock clock;

    MonthlyCharges(ChargeGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    @Scheduled(cron = "${arrears.charges.cron}", zone = "Asia/Seoul")
    void run() {
        YearMonth month = YearMonth.from(BusinessTime.today(clock));
        int created = generator.generateMonth(month, Actor.SYSTEM).size()
                + generator.generateMonth(month.plusMonths(1), Actor.SYSTEM).size();
        log.info("monthly charges generated: month={} created={}", month, created);
    }
}
