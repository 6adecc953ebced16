package kr.fm.arrears.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now". Every rule about days and hours reads the injected {@link Clock};
 * {@code arrears.clock.fixed} pins it (demos and support runs "as of" a date).
 */
@Configuration(proxyBeanMethods = false)
public class BusinessTime {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /**
     * {@code fixed} stops time at an instant; {@code startsAt} starts it there when the service starts
     * and lets it run (a drill or a demo "as of" a date whose claims, retries and heartbeats still expire).
     */
    @ConfigurationProperties("arrears.clock")
    public record ClockProperties(ZonedDateTime fixed, ZonedDateTime startsAt) {}

    @Bean
    Clock clock(ClockProperties properties) {
        if (properties.fixed() != null) {
            return Clock.fixed(properties.fixed().toInstant(), SEOUL);
        }
        Clock system = Clock.system(SEOUL);
        if (properties.startsAt() != null) {
            return Clock.offset(system, Duration.between(system.instant(), properties.startsAt().toInstant()));
        }
        return system;
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    public static Instant now(Clock clock) {
        return clock.instant();
    }
}
