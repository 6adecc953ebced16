package kr.fm.arrears.support;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** A person's browser: a session cookie from the sign-in form, and the CSRF token its forms carry. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final RestClient http;
    private String cookie;
    private String csrf;

    public Browser(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    /** Opens the sign-in page (a session and its token), then posts the form; answers status and Location. */
    public String signIn(String user, String password) {
        http.get().uri("/login").exchange((req, res) -> {
            cookie = res.getHeaders().getFirst("Set-Cookie").split(";")[0];
            csrf = CSRF.matcher(new String(res.getBody().readAllBytes())).results().findFirst().orElseThrow().group(1);
            return null;
        });
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", csrf);
        String outcome = http.post().uri("/login").header("Cookie", cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).exchange((req, res) -> {
                    String renewed = res.getHeaders().getFirst("Set-Cookie");
                    if (renewed != null) {
                        cookie = renewed.split(";")[0]; // the session id changes at sign-in
                    }
                    return res.getStatusCode().value() + " " + res.getHeaders().getFirst("Location");
                });
        // so does the CSRF token: the next form carries the new one
        http.get().uri("/login").header("Cookie", cookie).exchange((req, res) -> {
            CSRF.matcher(new String(res.getBody().readAllBytes())).results().findFirst().ifPresent(m -> csrf = m.group(1));
            return null;
        });
        return outcome;
    }

    /** A page as the person sees it: status and HTML. */
    public record Page(int status, String body) {}

    public Page page(String path) {
        return http.get().uri(path).header("Cookie", cookie).header("Accept", "text/html,*/*;q=0.8")
                .exchange((req, res) -> new Page(res.getStatusCode().value(), new String(res.getBody().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A form of a page posted as the browser does, with the session's CSRF token or, forged, without it. */
    public int postForm(String path, Map<String, String> fields, boolean withToken) {
        return postForm(path, fields, withToken, Map.of());
    }

    /** The same, with extra request headers (e.g. an {@code Authorization} a forger hopes exempts it). */
    public int postForm(String path, Map<String, String> fields, boolean withToken, Map<String, String> headers) {
        var form = new LinkedMultiValueMap<String, String>();
        fields.forEach(form::add);
        if (withToken) {
            form.add("_csrf", csrf);
        }
        return http.post().uri(path).header("Cookie", cookie).headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange((req, res) -> res.getStatusCode().value());
    }

    /** A file posted through a page's upload form: multipart, the session's CSRF token in the action URL. */
    public int postFile(String path, String field, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add(field, new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post().uri(path + (path.contains("?") ? "&" : "?") + "_csrf=" + csrf).header("Cookie", cookie)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange((req, res) -> res.getStatusCode().value());
    }

    /** A JSON POST from the signed-in session without its CSRF token, with extra headers. */
    public int postJsonWithoutToken(String path, String json, Map<String, String> headers) {
        return http.post().uri(path).header("Cookie", cookie).headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange((req, res) -> res.getStatusCode().value());
    }

    /** A GET from the session: status, the headers a browser acts on, and the body. */
    public record Answer(int status, org.springframework.http.HttpHeaders headers, String body) {}

    public Answer exchange(String path, Map<String, String> headers) {
        return http.get().uri(path).header("Cookie", cookie).headers(h -> headers.forEach(h::set))
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    public int get(String path) {
        return http.get().uri(path).header("Cookie", cookie).exchange((req, res) -> res.getStatusCode().value());
    }

    /** A POST from the signed-in session, as a forged form on another site would send it: no CSRF token. */
    public int postWithoutToken(String path) {
        return postJsonWithoutToken(path, "{}", Map.of());
    }

    public int postWithToken(String path) {
        return http.post().uri(path).header("Cookie", cookie).header("X-CSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange((req, res) -> res.getStatusCode().value());
    }
}
