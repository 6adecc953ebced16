package kr.fm.arrears.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an account may do right now, read on every request (a session outlives an ADMIN's change): a
 * deactivated account is signed out, pages and API alike; one with a temporary password may only
 * change it (the pages send it to {@code /account/password}, the API answers 403 naming
 * {@code POST /api/me/password}).
 */
final class AccountState extends OncePerRequestFilter {

    private final Users users;
    private final ApiAuthProblems problems;
    private final boolean api;

    AccountState(Users users, ApiAuthProblems problems, boolean api) {
        this.users = users;
        this.problems = problems;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn signedIn) {
            Optional<Users.User> user = users.byName(signedIn.username());
            if (user.isEmpty() || !user.get().active()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                if (api) {
                    problems.write(response, HttpStatus.UNAUTHORIZED, "이 계정은 사용이 해제되었습니다.");
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?deactivated");
                }
                return;
            }
            if (user.get().mustChangePassword() && !mayChangePassword(request)) {
                if (api) {
                    problems.write(response, HttpStatus.FORBIDDEN, "임시 비밀번호를 먼저 바꿔 주세요: POST /api/me/password "
                            + "{\"currentPassword\", \"newPassword\"}");
                } else {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean mayChangePassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return api ? path.equals("/api/me") || path.equals("/api/me/password")
                : path.equals("/account/password") || path.equals("/logout") || path.equals("/login") || path.startsWith("/css/")
                        || path.startsWith("/js/") || path.startsWith("/fonts/") || path.equals("/error");
    }
}
