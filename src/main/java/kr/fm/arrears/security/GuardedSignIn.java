package kr.fm.arrears.security;

import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) through {@link SignInWaits}. An unknown name, a wrong
 * password and a waiting name all end in the same BadCredentialsException, so the form and the API
 * answer them alike; the password is checked even during a wait, so the time taken is alike too.
 */
@RequiredArgsConstructor
class GuardedSignIn implements AuthenticationProvider {

    static final String NO = "Bad credentials";

    private final DaoAuthenticationProvider passwords;
    private final SignInWaits waits;

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        if (waits.waitingUntil(name, address).isPresent()) {
            try {
                passwords.authenticate(attempt);
            } catch (AuthenticationException ignored) {
                // the outcome is "no" either way
            }
            waits.refused(name, address);
            throw new BadCredentialsException(NO);
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            waits.failed(name, address);
            throw new BadCredentialsException(NO);
        }
        waits.succeeded(name, address);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
