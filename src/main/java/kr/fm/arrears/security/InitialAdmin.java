package kr.fm.arrears.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import kr.fm.arrears.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fresh database has nobody who could sign in: the first start creates the ADMIN {@code admin}
 * with {@code ARREARS_ADMIN_PASSWORD}, or with a random password written once to a file only the
 * service's own OS user may read (POSIX 600; {@code arrears.security.admin-password-file}). The log
 * names the file, never the password: logs travel to places passwords must not.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private final JdbcClient jdbc;
    private final Users users;
    private final String password;
    private final Path passwordFile;

    InitialAdmin(JdbcClient jdbc, Users users, SecurityProperties settings) {
        this.jdbc = jdbc;
        this.users = users;
        this.password = settings.adminPassword();
        this.passwordFile = settings.adminPasswordFile();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN'").query(Long.class).single() > 0) {
            return;
        }
        if (!password.isBlank()) {
            users.create("admin", password, Role.ADMIN, null, "관리자", Viewer.SYSTEM_NAME);
            log.warn("created the ADMIN account 'admin' with ARREARS_ADMIN_PASSWORD");
            return;
        }
        String chosen = randomPassword();
        writeOwnerOnly(passwordFile, chosen); // before the account exists: a failed write leaves no unknown password
        users.create("admin", chosen, Role.ADMIN, null, "관리자", Viewer.SYSTEM_NAME);
        log.warn("created the ADMIN account 'admin'; its password is in {} (readable by this OS user only; "
                + "delete the file after the first sign-in, or set ARREARS_ADMIN_PASSWORD)", passwordFile.toAbsolutePath());
    }

    /** Creates the file as rw------- from the start (never briefly readable by others); replaces an old one. */
    static void writeOwnerOnly(Path file, String secret) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial ADMIN password to " + file.toAbsolutePath()
                    + "; set ARREARS_ADMIN_PASSWORD or make the directory writable", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
