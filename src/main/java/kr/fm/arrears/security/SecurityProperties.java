package kr.fm.arrears.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in ({@code arrears.security.*}).
 *
 * @param adminPassword     the first start's ADMIN password; empty: a random one, written to the file
 * @param adminPasswordFile where the random one goes (mode 600); only its path is logged
 * @param bcryptStrength    bcrypt's cost; the tests lower it (every test request signs in with HTTP Basic)
 */
@ConfigurationProperties("arrears.security")
record SecurityProperties(@DefaultValue("") String adminPassword,
        @DefaultValue("data/initial-admin-password") Path adminPasswordFile, @DefaultValue("10") int bcryptStrength) {}
