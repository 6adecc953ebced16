package kr.fm.arrears.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * People sign in with a form (session, CSRF token on every form); integrations send HTTP Basic
 * credentials or an ADMIN-issued bearer token ({@link ApiTokens}) with each request, which carry no
 * cookie and so need no CSRF token. Reading is open
 * to every role (a LANDLORD's reads are narrowed to their own landlord in the data layer); changing
 * anything needs MANAGER or ADMIN, and the users and policy need ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ApiAuthProblems problems, ApiTokens tokens,
            UserDetailsService users) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/login", "/error", "/css/**", "/favicon.ico")
                        .permitAll()
                        // message receipts authenticate by their HMAC signature, not by a user; the postal
                        // gateway's delivery reports come with the Basic credentials of a staff account
                        .requestMatchers(HttpMethod.POST, "/api/messaging/receipts").permitAll()
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
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole("ADMIN", "MANAGER")
                        // pages: approving notices and pausing cases are staff work; every other page is read by all roles
                        .requestMatchers("/approvals/**").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers(HttpMethod.POST, "/cases/*/pause", "/cases/*/resume").hasAnyRole("ADMIN", "MANAGER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // the approval page shows the notice's PDF preview in a frame of our own
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                // integrations may send an ADMIN-issued token instead of a password
                .addFilterBefore(new BearerTokens(tokens, users, problems.unauthenticated()), BasicAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // a request that authenticates itself (Basic) carries no session cookie a forged form could ride on
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems.unauthenticated(), api)
                        .defaultAccessDeniedHandlerFor(problems.denied(), api)
                        // pages answer with the Korean 403 page (views/error/403)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true));
        return http.build();
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> users.byName(username)
                .map(u -> new SignedIn(u.username(), u.passwordHash(), u.role(), u.landlordId(), u.locked()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Counts wrong passwords, resets the count on success and audits sign-ins through the form. */
    @Configuration(proxyBeanMethods = false)
    static class LoginEvents {
        private final Users users;

        LoginEvents(Users users) {
            this.users = users;
        }

        @EventListener
        void failed(AuthenticationFailureBadCredentialsEvent event) {
            users.failedLogin(event.getAuthentication().getName());
        }

        @EventListener
        void succeeded(AuthenticationSuccessEvent event) {
            users.succeededLogin(event.getAuthentication().getName(), false);
        }

        @EventListener
        void interactive(InteractiveAuthenticationSuccessEvent event) {
            users.succeededLogin(event.getAuthentication().getName(), true);
        }
    }
}
