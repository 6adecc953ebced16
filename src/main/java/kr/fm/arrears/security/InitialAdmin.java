package kr.fm.arrears.security;

import java.security.SecureRandom;
import java.util.Base64;
import kr.fm.arrears.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fresh database has nobody who could sign in: the first start creates the ADMIN {@code admin}
 * with {@code ARREARS_ADMIN_PASSWORD}, or with a random password printed once in the log.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private final JdbcClient jdbc;
    private final Users users;
    private final String password;

    InitialAdmin(JdbcClient jdbc, Users users, @Value("${arrears.security.admin-password:}") String password) {
        this.jdbc = jdbc;
        this.users = users;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN'").query(Long.class).single() > 0) {
            return;
        }
        String chosen = password.isBlank() ? randomPassword() : password;
        users.create("admin", chosen, Role.ADMIN, null, "관리자", Actor.SYSTEM);
        log.warn("created the ADMIN account 'admin'{}", password.isBlank() ? " with password " + chosen
                + " (shown once; set ARREARS_ADMIN_PASSWORD to choose it)" : "");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
