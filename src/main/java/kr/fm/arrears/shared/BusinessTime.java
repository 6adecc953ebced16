package kr.fm.arrears.shared;

import java.time.Clock;
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

    @ConfigurationProperties("arrears.clock")
    public record ClockProperties(ZonedDateTime fixed) {}

    @Bean
    Clock clock(ClockProperties properties) {
        if (properties.fixed() != null) {
            return Clock.fixed(properties.fixed().toInstant(), SEOUL);
        }
        return Clock.system(SEOUL);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    public static Instant now(Clock clock) {
        return clock.instant();
    }
}
