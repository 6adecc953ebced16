package kr.fm.arrears.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class Passwords {

    /** bcrypt; the tests lower the cost (every test request signs in with HTTP Basic). */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties settings) {
        return new BCryptPasswordEncoder(settings.bcryptStrength());
    }
}
