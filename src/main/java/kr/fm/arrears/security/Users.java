package kr.fm.arrears.security;

import static kr.fm.arrears.audit.AuditLog.details;

import java.util.Optional;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation, and the failure count that locks an account after repeated wrong passwords. */
@Component
public class Users {

    /** Wrong passwords in a row that lock an account until an ADMIN unlocks it. */
    public static final int MAX_FAILURES = 5;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Users(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record User(long id, String username, String passwordHash, Role role, Long landlordId, String displayName,
            int failedAttempts, boolean locked) {}

    public Optional<User> byName(String username) {
        return jdbc.sql("""
                SELECT id, username, password_hash, role, landlord_id, display_name, failed_attempts, locked
                FROM app_user WHERE username = ?""").param(username).query(User.class).optional();
    }

    /** Creates an account (or leaves an existing one as it is); returns its id. */
    @Transactional
    public long create(String username, String rawPassword, Role role, Long landlordId, String displayName, String actor) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw InvalidInput.of("password", null, "must have at least 8 characters");
        }
        if ((role == Role.LANDLORD) != (landlordId != null)) {
            throw InvalidInput.of("landlordId", landlordId, "is required for a LANDLORD and only for a LANDLORD");
        }
        Optional<Long> created = jdbc.sql("""
                INSERT INTO app_user (username, password_hash, role, landlord_id, display_name) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username) DO NOTHING RETURNING id""")
                .params(username, passwords.encode(rawPassword), role.name(), landlordId, displayName)
                .query(Long.class).optional();
        created.ifPresent(id -> audit.record(new AuditLog.Event(actor, "USER_CREATED", "USER", username, null, null,
                details("role", role, "landlordId", landlordId))));
        return created.orElseGet(() -> byName(username).orElseThrow().id());
    }

    /** A wrong password: counted, and the account locked at the limit. Its own transaction: the login fails anyway. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failedLogin(String username) {
        Optional<Integer> failures = jdbc.sql("""
                UPDATE app_user SET failed_attempts = failed_attempts + 1,
                                    locked = locked OR failed_attempts + 1 >= ?
                WHERE username = ? RETURNING failed_attempts""")
                .params(MAX_FAILURES, username).query(Integer.class).optional();
        audit.record(new AuditLog.Event(username, "LOGIN_FAILED", "USER", username, null, null,
                details("failedAttempts", failures.orElse(0))));
        if (failures.isPresent() && failures.get() == MAX_FAILURES) {
            audit.record(new AuditLog.Event(username, "ACCOUNT_LOCKED", "USER", username, null,
                    MAX_FAILURES + " wrong passwords in a row", null));
        }
    }

    @Transactional
    public void succeededLogin(String username, boolean interactive) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = ? AND failed_attempts > 0").param(username).update();
        if (interactive) {
            audit.record(new AuditLog.Event(username, "LOGIN", "USER", username, null, null, null));
        }
    }

    @Transactional
    public void unlock(String username, String actor) {
        if (jdbc.sql("UPDATE app_user SET locked = FALSE, failed_attempts = 0 WHERE username = ?").param(username).update() == 0) {
            throw new kr.fm.arrears.shared.NotFound("user", username);
        }
        audit.record(new AuditLog.Event(actor, "ACCOUNT_UNLOCKED", "USER", username, null, null, null));
    }
}
