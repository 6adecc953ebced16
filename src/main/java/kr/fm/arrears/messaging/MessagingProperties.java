package kr.fm.arrears.messaging;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging module ({@code arrears.messaging.*}).
 *
 * @param mode         {@code demo} marks messages sent without calling out; {@code live} sends them
 * @param batchSize    rows a dispatcher claims at a time; small, so several dispatchers share the work
 * @param claimTimeout how long a claimed row stays with its dispatcher before another may take it
 *                     (a dispatcher that died mid-send); the provider de-duplicates by request id
 */
@ConfigurationProperties("arrears.messaging")
public record MessagingProperties(@DefaultValue("demo") Mode mode, @DefaultValue("20") int batchSize,
        @DefaultValue("PT5M") Duration claimTimeout, @DefaultValue Gateway gateway, @DefaultValue Email email,
        @DefaultValue Retry retry, @DefaultValue Quiet quiet, @DefaultValue Webhook webhook,
        @DefaultValue("solapi") Provider provider, @DefaultValue Solapi solapi,
        @DefaultValue("PT10M") Duration reportsAfter) {

    public enum Mode { DEMO, LIVE }

    /** Solapi for real texts; GENERIC is the one-request-per-message HTTP gateway the tests and drills stub. */
    public enum Provider { SOLAPI, GENERIC }

    /**
     * Solapi (docs/messaging.md): the API key and secret from its console, the Kakao channel's pfId and,
     * per registered AlimTalk template code of ours, Solapi's template id (KA01TP…).
     */
    public record Solapi(@DefaultValue("https://api.solapi.com") String baseUrl, @DefaultValue("") String apiKey,
            @DefaultValue("") String apiSecret, @DefaultValue("") String pfId, Map<String, String> templates) {

        public Solapi {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }

        /** The settings live sending cannot do without, by name. */
        List<String> missing(String sender) {
            List<String> missing = new java.util.ArrayList<>();
            if (apiKey.isBlank()) {
                missing.add("arrears.messaging.solapi.api-key");
            }
            if (apiSecret.isBlank()) {
                missing.add("arrears.messaging.solapi.api-secret");
            }
            if (pfId.isBlank()) {
                missing.add("arrears.messaging.solapi.pf-id");
            }
            if (sender == null || sender.isBlank()) {
                missing.add("arrears.messaging.gateway.sender");
            }
            for (String code : TEMPLATE_CODES) {
                if (templates.getOrDefault(code, "").isBlank()) {
                    missing.add("arrears.messaging.solapi.templates." + code);
                }
            }
            return missing;
        }
    }

    /** Our registered AlimTalk template codes (templates/messages/*.alimtalk.ftl). */
    static final List<String> TEMPLATE_CODES = List.of("ARR_UPCOMING", "ARR_REMIND_1", "ARR_REMIND_2", "ARR_FINAL", "ARR_RESOLVED");

    /** The HTTP messaging gateway for AlimTalk and SMS/LMS. {@code sender} is the registered 발신번호. */
    public record Gateway(@DefaultValue("http://localhost:8089") String baseUrl, @DefaultValue("") String apiKey,
            @DefaultValue("15880000") String sender, @DefaultValue("PT3S") Duration connectTimeout,
            @DefaultValue("PT10S") Duration readTimeout) {}

    /** {@code from}: the reminders' sender, by default {@code arrears.company.email}; live mode needs one. */
    public record Email(@DefaultValue("") String from) {}

    public record Retry(@DefaultValue("PT30S") Duration base, @DefaultValue("PT1H") Duration cap,
            @DefaultValue("6") int maxAttempts) {

        public Backoff backoff() {
            return new Backoff(base, cap, maxAttempts);
        }
    }

    /** SPEC "When people may be contacted": 08:00–21:00 Seoul, Sundays and public holidays held by default. */
    public record Quiet(@DefaultValue("08:00") LocalTime opens, @DefaultValue("21:00") LocalTime closes,
            @DefaultValue("true") boolean holdSundays, @DefaultValue("true") boolean holdHolidays) {

        public ContactWindow window() {
            return new ContactWindow(opens, closes, holdSundays, holdHolidays);
        }
    }

    /** Shared secret of the provider's HMAC-SHA256 receipt signatures. */
    public record Webhook(@DefaultValue("change-me") String secret) {}
}
