package kr.fm.arrears.messaging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Solapi's message API v4, as its public reference documents it (docs/messaging.md names the pages):
 * {@code POST /messages/v4/groups} (create), {@code PUT /messages/v4/groups/{id}/messages} (add, up to
 * 10,000), {@code POST /messages/v4/groups/{id}/send}, {@code GET /messages/v4/groups/{id}} (its status)
 * and {@code GET /messages/v4/groups/{id}/messages} (its messages, with our custom fields). Every request
 * carries {@code Authorization: HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…}, the signature being
 * the hex HMAC-SHA256 of date + salt under the API secret, with a fresh salt each time (the provider
 * refuses a signature it has seen within 15 minutes, and a date more than 15 minutes off its clock).
 */
public final class SolapiClient {

    /** A call that did not get a usable answer: worth trying again (5xx, 429, a timeout, a reset). */
    public static final class Unavailable extends RuntimeException {
        final Optional<Duration> retryAfter;

        Unavailable(String reason, Optional<Duration> retryAfter) {
            super(reason);
            this.retryAfter = retryAfter;
        }
    }

    /** The provider refused the call itself (4xx): its errorCode and errorMessage. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** One message's answer to "add messages": statusCode 2000 is accepted. */
    public record Added(String messageId, String statusCode, String statusMessage) {
        boolean accepted() {
            return "2000".equals(statusCode);
        }
    }

    /** A message the group holds: its id, status code, reason and our key (custom field). */
    public record Held(String messageId, String statusCode, String reason, String key) {}

    static final String KEY_FIELD = "arrearsKey";
    private static final SecureRandom SALTS = new SecureRandom();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_INSTANT;

    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final String apiKey;
    private final byte[] apiSecret;

    public SolapiClient(String baseUrl, String apiKey, String apiSecret, Duration connectTimeout, Duration readTimeout,
            ObjectMapper json, Clock clock) {
        this.http = HttpCalls.client(baseUrl, connectTimeout, readTimeout).build();
        this.json = json;
        this.clock = clock;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The Authorization header for a date and salt (public for the test that checks a known signature). */
    public String authorization(String date, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret, "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal((date + salt).getBytes(StandardCharsets.UTF_8)));
            return "HMAC-SHA256 apiKey=" + apiKey + ", date=" + date + ", salt=" + salt + ", signature=" + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String createGroup() {
        return call(HttpMethod.POST, "/messages/v4/groups", Map.of()).path("groupId").asText();
    }

    List<Added> add(String group, List<Map<String, Object>> messages) {
        JsonNode answer = call(HttpMethod.PUT, "/messages/v4/groups/" + group + "/messages", Map.of("messages", messages));
        List<Added> added = new ArrayList<>();
        for (JsonNode r : answer.path("resultList")) {
            added.add(new Added(text(r, "messageId"), text(r, "statusCode"), text(r, "statusMessage")));
        }
        if (added.size() != messages.size()) {
            throw new Unavailable("the provider answered " + added.size() + " results for " + messages.size() + " messages",
                    Optional.empty());
        }
        return added;
    }

    void send(String group) {
        call(HttpMethod.POST, "/messages/v4/groups/" + group + "/send", Map.of());
    }

    /** The group's status: PENDING until sent, then SENDING, COMPLETE, … */
    String status(String group) {
        return call(HttpMethod.GET, "/messages/v4/groups/" + group, null).path("status").asText();
    }

    /** Every message of the group, following the list's pages. */
    List<Held> messages(String group) {
        List<Held> held = new ArrayList<>();
        String startKey = null;
        do {
            JsonNode page = call(HttpMethod.GET, "/messages/v4/groups/" + group + "/messages?limit=1000"
                    + (startKey == null ? "" : "&startKey=" + startKey), null);
            page.path("messageList").forEach(m -> held.add(new Held(text(m, "messageId"), text(m, "statusCode"),
                    text(m, "reason"), text(m.path("customFields"), KEY_FIELD))));
            String next = text(page, "nextKey");
            startKey = next == null || next.equals(startKey) ? null : next;
        } while (startKey != null);
        return held;
    }

    private JsonNode call(HttpMethod method, String path, Object body) {
        String date = DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String salt = HexFormat.of().formatHex(salt());
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(path).header("Authorization", authorization(date, salt));
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, res) -> {
                int status = res.getStatusCode().value();
                String answer = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                if (status >= 200 && status < 300) {
                    return read(answer);
                }
                String reason = status + " " + reason(answer);
                if (HttpCalls.retryable(status)) {
                    throw new Unavailable(reason, HttpCalls.retryAfter(res.getHeaders(), clock));
                }
                throw new Refused(reason);
            });
        } catch (RestClientException e) {
            throw new Unavailable(HttpCalls.describe(e), Optional.empty());
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        return salt;
    }

    private JsonNode read(String answer) {
        try {
            return answer.isBlank() ? json.createObjectNode() : json.readTree(answer);
        } catch (IOException e) {
            throw new Unavailable("the provider's answer is not JSON", Optional.empty());
        }
    }

    /** "ValidationError: …" from the provider's {errorCode, errorMessage}. */
    private String reason(String answer) {
        try {
            JsonNode node = json.readTree(answer);
            String code = text(node, "errorCode");
            String message = text(node, "errorMessage");
            if (code != null || message != null) {
                return (code == null ? "" : code + ": ") + (message == null ? "" : message);
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the raw answer
        }
        return answer.length() > 500 ? answer.substring(0, 500) : answer;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The body of one message for "add messages". */
    static Map<String, Object> message(TextProvider.Text t, String pfId, String templateId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to", t.to().startsWith("+82") ? "0" + t.to().substring(3) : t.to());
        m.put("from", t.from());
        m.put("type", t.type());
        if ("ATA".equals(t.type())) {
            Map<String, Object> kakao = new LinkedHashMap<>();
            kakao.put("pfId", pfId);
            kakao.put("templateId", templateId);
            kakao.put("variables", t.variables());
            // our own fallback (an SMS row of the outbox) is checked again before it leaves; the provider's would not be
            kakao.put("disableSms", true);
            m.put("kakaoOptions", kakao);
        } else {
            m.put("text", t.text());
            if ("LMS".equals(t.type()) && t.subject() != null) {
                m.put("subject", t.subject());
            }
        }
        m.put("customFields", Map.of(KEY_FIELD, t.requestId()));
        return m;
    }
}
