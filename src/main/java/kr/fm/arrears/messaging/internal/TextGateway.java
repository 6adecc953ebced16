package kr.fm.arrears.messaging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP messaging gateway for AlimTalk and SMS/LMS: {@code POST /v1/messages} with a JSON body,
 * the API key in {@code X-Api-Key} and the outbox key in {@code X-Request-Id}, which the provider
 * de-duplicates on, so a retry after a lost answer never texts twice.
 */
public class TextGateway {

    public record TextMessage(String requestId, String type, String to, String from, String templateCode,
            String subject, String text) {}

    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;

    public TextGateway(String baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout, ObjectMapper json,
            Clock clock) {
        // java.net.http never silently re-sends a POST (HttpURLConnection may, on a reset connection)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(factory)
                .defaultHeader("X-Api-Key", apiKey).build();
        this.json = json;
        this.clock = clock;
    }

    public SendResult send(TextMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", m.type());
        body.put("to", m.to());
        body.put("from", m.from());
        if (m.templateCode() != null) {
            body.put("templateCode", m.templateCode());
        }
        if (m.subject() != null && "LMS".equals(m.type())) {
            body.put("subject", m.subject());
        }
        body.put("text", m.text());
        try {
            return http.post().uri("/v1/messages").header("X-Request-Id", m.requestId())
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange((req, res) -> {
                        int status = res.getStatusCode().value();
                        String answer = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (status >= 200 && status < 300) {
                            return new SendResult.Accepted(field(answer, "messageId").orElse(m.requestId()));
                        }
                        String reason = status + " " + reason(answer);
                        if (status == 429 || status == 408 || status >= 500) {
                            return new SendResult.Retryable(reason, retryAfter(res.getHeaders()));
                        }
                        return new SendResult.Rejected(reason);
                    });
        } catch (RestClientException e) {
            // timeouts, resets, refused connections: the provider may or may not have it; the request id covers both
            return new SendResult.Retryable(describe(e), Optional.empty());
        }
    }

    private String reason(String answer) {
        Optional<String> code = field(answer, "code");
        Optional<String> message = field(answer, "message");
        if (code.isPresent() || message.isPresent()) {
            return code.map(c -> c + ": ").orElse("") + message.orElse("");
        }
        return answer.length() > 500 ? answer.substring(0, 500) : answer;
    }

    private Optional<String> field(String answer, String name) {
        try {
            JsonNode node = json.readTree(answer);
            return node != null && node.hasNonNull(name) ? Optional.of(node.get(name).asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Retry-After is seconds or an HTTP date. */
    private Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "I/O: the provider did not answer in time (timed out)";
            }
            root = t;
        }
        return "I/O: " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
