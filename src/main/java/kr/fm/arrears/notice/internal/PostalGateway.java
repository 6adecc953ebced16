package kr.fm.arrears.notice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import kr.fm.arrears.notice.NoticeProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The post office's internet certified-mail service over HTTP: {@code POST /letters} with the PDF,
 * sender, recipient and number of copies as multipart; the answer carries the receipt number.
 * The dispatch key goes along as {@code Idempotency-Key}, so a retry after a lost answer returns
 * the first receipt instead of posting a second letter.
 */
@Component
public class PostalGateway {

    private final RestClient http;
    private final int copies;

    public PostalGateway(NoticeProperties properties, RestClient.Builder builder) {
        NoticeProperties.Postal postal = properties.postal();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                // HTTP/1.1: no h2c upgrade dance with a gateway that may drop connections mid-request
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(postal.timeout()).build());
        factory.setReadTimeout(postal.timeout());
        this.http = builder.clone().baseUrl(postal.baseUrl() == null ? "http://localhost" : postal.baseUrl())
                .requestFactory(factory).build();
        this.copies = postal.copies();
    }

    public record Letter(String dispatchKey, String fileName, byte[] pdf, String sender, String recipient) {}

    /** Why a send failed; {@code retryable} for 5xx, 429, timeouts and broken connections. */
    public static class Failure extends RuntimeException {
        private final boolean retryable;
        private final Duration retryAfter;

        Failure(String message, boolean retryable, Duration retryAfter) {
            super(message);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        public boolean retryable() {
            return retryable;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** Sends the letter; returns the receipt number or throws {@link Failure}. */
    public String send(Letter letter) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("pdf", new ByteArrayResource(letter.pdf()) {
            @Override
            public String getFilename() {
                return letter.fileName();
            }
        });
        parts.add("sender", letter.sender());
        parts.add("recipient", letter.recipient());
        parts.add("copies", String.valueOf(copies));
        try {
            return http.post().uri("/letters").header("Idempotency-Key", letter.dispatchKey())
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                    .exchange((req, res) -> {
                        int status = res.getStatusCode().value();
                        if (res.getStatusCode().is2xxSuccessful()) {
                            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(res.getBody());
                            if (body == null || !body.hasNonNull("receiptNo")) {
                                throw new Failure("gateway answered " + status + " without a receiptNo", true, null);
                            }
                            return body.get("receiptNo").asText();
                        }
                        boolean retryable = status >= 500 || status == 429;
                        throw new Failure("gateway answered " + status, retryable, retryAfter(res.getHeaders().getFirst("Retry-After")));
                    });
        } catch (ResourceAccessException e) {
            // timeouts, refused and reset connections: the letter may or may not have arrived; the key makes a retry safe
            throw new Failure("gateway unreachable: " + rootMessage(e), true, null);
        }
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
