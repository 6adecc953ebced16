package kr.fm.arrears.security;

import static kr.fm.arrears.audit.AuditLog.details;

import java.util.Optional;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their sign-ins; wrong passwords are {@link SignInWaits}' business. */
@Component
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Users(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record User(long id, String username, String passwordHash, Role role, Long landlordId, String displayName) {}

    public Optional<User> byName(String username) {
        return jdbc.sql("""
                SELECT id, username, password_hash, role, landlord_id, display_name
                FROM app_user WHERE username = ?""").param(username).query(User.class).optional();
    }

    /** Creates an account (or leaves an existing one as it is); returns its id. */
    @Transactional
    public long create(String username, String rawPassword, Role role, Long landlordId, String displayName, String actor) {
        if (username == null || username.isBlank() || username.length() > SignInWaits.NAME_LENGTH) {
            throw InvalidInput.of("username", username, "must have 1 to " + SignInWaits.NAME_LENGTH + " characters");
        }
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

    /** A person signed in through the form (API requests sign in on every call and are not audited one by one). */
    @Transactional
    public void signedIn(String username) {
        audit.record(new AuditLog.Event(username, "LOGIN", "USER", username, null, null, null));
    }

}
