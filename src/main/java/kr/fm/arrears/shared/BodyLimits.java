package kr.fm.arrears.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size before work (issue 12): every request body has a ceiling that is enforced while it is read,
 * before security, parsing or storage see it. A declared {@code Content-Length} over the ceiling is
 * answered 413 at once and the connection closed, without reading a byte; a chunked body is cut off
 * by its stream at the ceiling ({@link TooLarge}, answered 413 by web/ApiProblems). Multipart
 * uploads are also bounded by the container (spring.servlet.multipart, same 20 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(BodyLimits.Limits.class)
public class BodyLimits extends OncePerRequestFilter {

    /** Ceilings: files (multipart, raw CSV), JSON and anything else, the provider's webhooks, page forms. */
    @ConfigurationProperties("arrears.limits")
    public record Limits(@DefaultValue("20MB") DataSize upload, @DefaultValue("1MB") DataSize json,
            @DefaultValue("256KB") DataSize webhook, @DefaultValue("2MB") DataSize form) {}

    /** The body went over its ceiling while being read. An IOException, so every reader stops at once. */
    public static class TooLarge extends IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final Limits limits;
    private final ObjectMapper json;

    public BodyLimits(Limits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /** The ceiling of this request's body, by where it goes and what it says it is. */
    long limitFor(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/messaging/receipts")) {
            return limits.webhook().toBytes();
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("text/csv") || type.startsWith("text/plain")
                || type.startsWith("application/octet-stream")) {
            return limits.upload().toBytes();
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return limits.form().toBytes();
        }
        return limits.json().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            // nothing read: the rest of the body is not worth swallowing, so the connection closes
            response.setHeader("Connection", "close");
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem(limit));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** The 413 problem: what the ceiling is, in the words people read. */
    public static ProblemDetail problem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "요청 본문이 허용 크기(" + DataSize.ofBytes(limit).toKilobytes() + " KB)를 넘습니다. 나누어 보내 주세요. "
                        + "아무것도 저장하지 않았습니다.");
        problem.setTitle("요청이 너무 큽니다");
        problem.setProperty("limitBytes", limit);
        return problem;
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
