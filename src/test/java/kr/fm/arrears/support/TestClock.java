package kr.fm.arrears.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import kr.fm.arrears.shared.BusinessTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves: "today is 2026-04-15, 09:00 in Seoul". */
public class TestClock extends Clock {

    private volatile Instant now = LocalDate.of(2026, 4, 15).atTime(9, 0).atZone(BusinessTime.SEOUL).toInstant();

    public void set(LocalDate date) {
        set(date.atTime(9, 0));
    }

    public void set(LocalDateTime seoulTime) {
        now = seoulTime.atZone(BusinessTime.SEOUL).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return BusinessTime.SEOUL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
