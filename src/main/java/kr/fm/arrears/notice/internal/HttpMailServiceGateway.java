package kr.fm.arrears.notice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import kr.fm.arrears.notice.NoticeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One {@link MailServiceGateway}: a mail service's HTTP contract as this project first assumed it
 * ({@code POST /letters} with the PDF, sender, recipient and number of copies as multipart; the
 * answer carries the receipt number). It is an example of such a contract, not the post office's:
 * a real contract will have its own. On only with {@code arrears.notice.mail-service.enabled=true}.
 * The dispatch key goes along as {@code Idempotency-Key}, so a retry after a lost answer returns
 * the first receipt instead of posting a second letter.
 */
@Component
@ConditionalOnProperty(name = "arrears.notice.mail-service.enabled", havingValue = "true")
public class HttpMailServiceGateway implements MailServiceGateway {

    private final RestClient http;
    private final int copies;

    public HttpMailServiceGateway(NoticeProperties properties, RestClient.Builder builder) {
        NoticeProperties.MailService service = properties.mailService();
        JdkClientHttpRequestFactory factory = HttpRequests.factory(service.timeout());
        this.http = builder.clone().baseUrl(service.baseUrl() == null ? "http://localhost" : service.baseUrl())
                .requestFactory(factory).build();
        this.copies = service.copies();
    }

    @Override
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
