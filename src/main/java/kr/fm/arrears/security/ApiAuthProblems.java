package kr.fm.arrears.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 on the API as RFC 7807 problems, like every other API error. */
@Component
class ApiAuthProblems {

    private final ObjectMapper json;

    ApiAuthProblems(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"arrears\"");
            write(response, HttpStatus.UNAUTHORIZED, "Sign in first: a session, or HTTP Basic credentials.");
        };
    }

    AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN,
                "Your role may not do this (a missing or expired CSRF token on a form also ends here).");
    }

    void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
