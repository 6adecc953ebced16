package kr.fm.arrears.messaging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A generic HTTP text gateway, one request per message: {@code POST /v1/messages} with a JSON body, the
 * API key in {@code X-Api-Key} and the outbox key in {@code X-Request-Id}, which such a gateway
 * de-duplicates on. No Korean provider speaks it: it is the test double of the provider port
 * ({@code arrears.messaging.provider=generic}), kept because its one-request-per-message shape with a
 * provider-side idempotency key is the simplest stub the drills can misbehave with.
 */
public class TextGateway implements TextProvider {

    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;

    public TextGateway(String baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout, ObjectMapper json,
            Clock clock) {
        this.http = HttpCalls.client(baseUrl, connectTimeout, readTimeout).defaultHeader("X-Api-Key", apiKey).build();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public java.util.List<SendResult> send(java.util.List<Text> batch, Groups groups) {
        return batch.stream().map(this::send).toList();
    }

    private SendResult send(Text m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ATA".equals(m.type()) ? "ALIMTALK" : m.type());
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
                        if (HttpCalls.retryable(status)) {
                            return new SendResult.Retryable(reason, HttpCalls.retryAfter(res.getHeaders(), clock));
                        }
                        return new SendResult.Rejected(reason);
                    });
        } catch (RestClientException e) {
            // timeouts, resets, refused connections: the provider may or may not have it; the request id covers both
            return new SendResult.Retryable(HttpCalls.describe(e), Optional.empty());
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
}
