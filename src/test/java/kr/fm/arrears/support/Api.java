package kr.fm.arrears.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A plain HTTP client for the service under test; answers are status + JSON, errors included.
 * It signs in as the test ADMIN unless told otherwise ({@link #as}, {@link #anonymous}).
 */
public class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password"; // application-test.yml

    public record Response(int status, JsonNode body) {}

    private final int port;
    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    Api(int port, String user, String password) {
        this.port = port;
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (user != null) {
            builder.defaultHeaders(h -> h.setBasicAuth(user, password));
        }
        this.http = builder.build();
    }

    /** A client for a service started some other way (e.g. as its own process in a drill). */
    public static Api at(int port, String user, String password) {
        return new Api(port, user, password);
    }

    public Api as(String user, String password) {
        return new Api(port, user, password);
    }

    /** Headers that sign a single request in as {@code user} (overriding the default ADMIN). */
    public static java.util.Map<String, String> signedInAs(String user, String password) {
        return java.util.Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Api anonymous() {
        return new Api(port, null, null);
    }

    public Response get(String path) {
        return exchange(http.get().uri(path));
    }

    public Response postJson(String path, Object body) {
        return exchange(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Response putJson(String path, Object body) {
        return exchange(http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Response postCsv(String path, byte[] csv) {
        return exchange(http.post().uri(path).contentType(MediaType.parseMediaType("text/csv")).body(csv));
    }

    /** A JSON call with extra headers (e.g. {@link #signedInAs} for another user). */
    public Response send(org.springframework.http.HttpMethod method, String path, java.util.Map<String, String> headers, Object json) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> headers.forEach(h::set));
        return exchange(json == null ? request : request.contentType(MediaType.APPLICATION_JSON).body(json));
    }

    public record Bytes(int status, String contentType, byte[] body) {}

    /** A call whose answer is a file (PDF), with extra headers. */
    public Bytes getBytes(String path, java.util.Map<String, String> headers) {
        return http.get().uri(path).headers(h -> headers.forEach(h::set)).exchange((req, res) ->
                new Bytes(res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    /** A multipart upload of one file in the part {@code name}. */
    public Response postFile(String path, String name, String fileName, byte[] content) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add(name, new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return exchange(http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Response(res.getStatusCode().value(), bytes.length == 0 ? null : parse(bytes));
        });
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + new String(bytes), e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Lazy
        Api api(Environment env) {
            return new Api(env.getRequiredProperty("local.server.port", Integer.class), ADMIN, ADMIN_PASSWORD);
        }
    }
}
