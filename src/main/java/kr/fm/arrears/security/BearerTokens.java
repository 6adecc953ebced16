package kr.fm.arrears.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer arr_…}: signs the request in as the token's user, for this request
 * only (no session). An unknown or revoked token is a 401 problem, like wrong Basic credentials. A
 * token is not a password: wrong passwords typed for its user make no difference to it.
 */
@RequiredArgsConstructor
class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final AuthenticationEntryPoint unauthenticated;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedIn> user = tokens.user(header.substring(7).trim()).flatMap(this::load);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            unauthenticated.commence(request, response, new BadCredentialsException("unknown or revoked token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<SignedIn> load(String username) {
        try {
            SignedIn user = (SignedIn) users.loadUserByUsername(username);
            return user.isEnabled() ? Optional.of(user) : Optional.empty(); // a deactivated account's tokens open nothing
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
