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
            write(response, HttpStatus.UNAUTHORIZED, "먼저 로그인하세요: 로그인 세션, 또는 HTTP Basic 인증 정보가 필요합니다.");
        };
    }

    AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN,
                "이 작업을 할 권한이 없습니다 (양식의 CSRF 토큰이 없거나 만료된 경우에도 이렇게 답합니다).");
    }

    void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.UNAUTHORIZED ? "로그인이 필요합니다" : "권한이 없습니다");
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
