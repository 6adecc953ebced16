package kr.fm.arrears.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three chains, each explicit (issue 12):
 * <ol>
 * <li><b>webhooks</b> — the messaging provider's receipts: no user, no session, no CSRF; the HMAC
 * over timestamp, delivery id and raw body is the authentication (messaging/Receipts).</li>
 * <li><b>/api/** and /actuator/**</b> — integrations send HTTP Basic or an ADMIN-issued bearer token
 * ({@link ApiTokens}) with each request; no session is created. Such a request needs no CSRF token
 * <i>when it carries those credentials and no session cookie</i>: a signed-in page session may read
 * here (downloads and previews the pages link to) but never writes without its CSRF token, whatever
 * other headers come with it.</li>
 * <li><b>pages</b> — form sign-in, a session, a CSRF token on every state-changing form.</li>
 * </ol>
 * Reading is open to every role (a LANDLORD's reads are narrowed to their own landlord in the data
 * layer); changing anything needs MANAGER or ADMIN, and the users and policy need ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Scripts, styles, fonts and frames from this origin only; no inline script anywhere. The
     * notice preview page sets its own, narrower policy (NoticeController).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; "
            + "base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/messaging/receipts"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // no session is read or made, so there is no cookie a forged request could ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiAuthProblems problems, ApiTokens tokens, UserDetailsService users,
            AuthenticationManager signIn, Users accounts) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/me", "/api/me/**").authenticated()
                        .requestMatchers("/api/users/**", "/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers(HttpMethod.PUT, "/api/escalation/policy/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/escalation/policy/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/escalation/runs/*/void").hasRole("ADMIN")
                        // the landlord's consent to a termination notice is the one thing a LANDLORD posts
                        .requestMatchers(HttpMethod.POST, "/api/notices/*/consent").hasAnyRole("LANDLORD", "MANAGER", "ADMIN")
                        // cases, messages and notices are narrowed to a LANDLORD's own buildings in their
                        // queries, so every role may read them; escalation runs, policy and holidays are staff's
                        .requestMatchers(HttpMethod.GET, "/api/cases/**", "/api/messages/**", "/api/notices/**")
                        .authenticated()
                        .requestMatchers("/api/cases/**", "/api/messages/**", "/api/notices/**", "/api/escalation/**",
                                "/api/holidays/**").hasAnyRole("ADMIN", "MANAGER")
                        // bank lines cross landlords (a line is matched to a lease): staff only, reading too
                        .requestMatchers("/api/bank-lines/**", "/api/bank-accounts/**").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        // the postal gateway's delivery reports come with the Basic credentials of a staff account
                        .requestMatchers("/api/**").hasAnyRole("ADMIN", "MANAGER"))
                .authenticationManager(signIn)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .addFilterBefore(new BearerTokens(tokens, users, problems.unauthenticated()), BasicAuthenticationFilter.class)
                .addFilterAfter(new AccountState(accounts, problems, true), BasicAuthenticationFilter.class)
                // a page session is read (a signed-in person opens a preview) but none is ever made here
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::carriesOwnCredentials)
                        .csrfTokenRepository(new SessionTokensOnly()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.denied()))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager signIn, Users accounts, ApiAuthProblems problems)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // approving notices and pausing cases are staff work; every other page is read by all roles
                        .requestMatchers("/approvals/**", "/bank-lines/**", "/imports/**").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers(HttpMethod.POST, "/cases/**", "/landlords/**").hasAnyRole("ADMIN", "MANAGER")
                        .anyRequest().authenticated())
                .authenticationManager(signIn)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .addFilterAfter(new AccountState(accounts, problems, false),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // every state-changing form carries its token; no header exempts a page
                .csrf(Customizer.withDefaults())
                // pages answer with the Korean 403 page (views/error/403)
                .exceptionHandling(e -> e.accessDeniedHandler(new AccessDeniedHandlerImpl()))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /**
     * Credentials of its own (Basic or Bearer), no session cookie, and not sent by a browser on behalf
     * of another site: only then is a request's CSRF token waived. A browser that remembers Basic
     * credentials adds them to a forged cross-site form too, and says so in {@code Sec-Fetch-Site}.
     */
    static boolean carriesOwnCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || request.getRequestedSessionId() != null) {
            return false;
        }
        boolean scheme = authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String site = request.getHeader("Sec-Fetch-Site");
        return scheme && (site == null || site.equals("same-origin") || site.equals("none"));
    }

    /**
     * The page session's CSRF tokens, checked on /api/** too; a refused request without a session
     * does not get one made just to hold a token it will never use.
     */
    static final class SessionTokensOnly implements CsrfTokenRepository {
        private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return sessions.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (request.getSession(false) != null) {
                sessions.saveToken(token, request, response);
            }
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return sessions.loadToken(request);
        }
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // the approval page shows the notice's preview in a frame of our own
                .frameOptions(frame -> frame.sameOrigin());
    }

    /** Form and Basic sign-in alike: passwords checked by bcrypt, wrong ones counted by {@link SignInWaits}. */
    @Bean
    AuthenticationManager signIn(UserDetailsService users, PasswordEncoder encoder, SignInWaits waits) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new GuardedSignIn(passwords, waits));
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> {
            if (username == null || username.length() > SignInWaits.NAME_LENGTH) {
                throw new UsernameNotFoundException("no such user"); // no account has such a name: no query
            }
            return users.byName(username).map(u -> new SignedIn(u.username(), u.passwordHash(), u.role(), u.landlordId(),
                    u.active()))
                    .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        };
    }

    /** Audits sign-ins through the form (API requests sign in on every call). */
    @Configuration(proxyBeanMethods = false)
    static class LoginEvents {
        private final Users users;

        LoginEvents(Users users) {
            this.users = users;
        }

        @EventListener
        void interactive(InteractiveAuthenticationSuccessEvent event) {
            users.signedIn(event.getAuthentication().getName());
        }
    }
}
