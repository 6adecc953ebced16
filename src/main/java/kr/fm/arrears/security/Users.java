package kr.fm.arrears.security;

import java.util.List;
import java.util.Optional;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their sign-ins; wrong passwords are {@link SignInWaits}' business. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final kr.fm.arrears.ledger.LedgerViews landlords;

    /** A LANDLORD account belongs to an existing landlord (asked through the ledger's front door). */
    private void checkLandlord(Long landlordId) {
        if (landlordId != null && landlords.landlords(Viewer.SYSTEM, List.of(landlordId)).isEmpty()) {
            throw InvalidInput.of("landlordId", landlordId, "없는 임대인입니다");
        }
    }

    /** An account with its password hash, for signing in: never leaves this module. */
    record User(long id, String username, String passwordHash, Role role, Long landlordId, String displayName,
            boolean active, boolean mustChangePassword) {}

    /** An account as the ADMIN's list shows it (never its password hash). */
    public record Account(String username, Role role, Long landlordId, String displayName, boolean active,
            boolean mustChangePassword, java.time.Instant createdAt) {}

    Optional<User> byName(String username) {
        return jdbc.sql("""
                SELECT id, username, password_hash, role, landlord_id, display_name, active, must_change_password
                FROM app_user WHERE username = ?""").param(username)
                // read by hand: the record mapper's failed look-ups by bare name ("passwordhash") cost a driver
                // exception each, and this runs on every signed-in request (AccountState)
                .query((rs, i) -> new User(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getObject("landlord_id", Long.class), rs.getString("display_name"),
                        rs.getBoolean("active"), rs.getBoolean("must_change_password")))
                .optional();
    }

    /** Read by hand, as {@link #byName}: every page asks for the signed-in account (PageAdvice). */
    private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getObject("landlord_id", Long.class),
                rs.getString("display_name"), rs.getBoolean("active"), rs.getBoolean("must_change_password"),
                rs.getTimestamp("created_at").toInstant());
    }

    public List<Account> list() {
        return jdbc.sql("""
                SELECT username, role, landlord_id, display_name, active, must_change_password, created_at
                FROM app_user ORDER BY role, username""").query(Users::account).list();
    }

    public Optional<Account> account(String username) {
        return jdbc.sql("""
                SELECT username, role, landlord_id, display_name, active, must_change_password, created_at
                FROM app_user WHERE username = ?""").param(username).query(Users::account).optional();
    }

    /**
     * An ADMIN opens an account with a temporary password, to be changed at the first sign-in; none
     * given, one is made. Returns the temporary password (shown once, to hand over).
     */
    @Transactional
    public String open(String username, Role role, Long landlordId, String displayName, String temporaryPassword,
            String actor) {
        if (username != null && byName(username.strip()).isPresent()) {
            throw new kr.fm.arrears.shared.Conflict("사용자 이름 " + username + "은(는) 이미 있습니다");
        }
        String password = temporaryPassword == null || temporaryPassword.isBlank() ? temporaryPassword() : temporaryPassword;
        long id = create(username == null ? null : username.strip(), password, role, landlordId, displayName, actor);
        jdbc.sql("UPDATE app_user SET must_change_password = TRUE WHERE id = ?").param(id).update();
        return password;
    }

    /** What an ADMIN may change; null leaves a field as it is. */
    public record Change(Role role, Long landlordId, String displayName, Boolean active) {}

    @Transactional
    public Account change(String username, Change c, String actor) {
        User u = byName(username).orElseThrow(() -> new NotFound("user", username));
        Role role = c.role() == null ? u.role() : c.role();
        Long landlordId = c.role() == null && c.landlordId() == null ? u.landlordId() : c.landlordId();
        if (role != Role.LANDLORD) {
            landlordId = null;
        }
        if (role == Role.LANDLORD && landlordId == null) {
            throw InvalidInput.of("landlordId", null, "임대인 계정에는 임대인(landlordId)이 있어야 합니다");
        }
        checkLandlord(landlordId);
        boolean active = c.active() == null ? u.active() : c.active();
        if (u.role() == Role.ADMIN && u.active() && (role != Role.ADMIN || !active) && activeAdmins() <= 1) {
            throw new kr.fm.arrears.shared.Conflict("마지막 운영자(ADMIN) 계정은 해제하거나 역할을 바꿀 수 없습니다");
        }
        if (username.equals(actor) && !active) {
            throw new kr.fm.arrears.shared.Conflict("자기 자신의 계정은 해제할 수 없습니다");
        }
        String name = c.displayName() == null ? u.displayName() : c.displayName().strip();
        jdbc.sql("UPDATE app_user SET role = ?, landlord_id = ?, display_name = ?, active = ?, updated_at = now() WHERE id = ?")
                .params(role.name(), landlordId, name, active, u.id()).update();
        events.publishEvent(new UserChanged(actor, username, role, landlordId, name, active, u.role(), u.active()));
        return account(username).orElseThrow();
    }

    /** A new temporary password, to be changed at the next sign-in; returns it (shown once). */
    @Transactional
    public String resetPassword(String username, String actor) {
        User u = byName(username).orElseThrow(() -> new NotFound("user", username));
        String password = temporaryPassword();
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = TRUE, updated_at = now() WHERE id = ?")
                .params(passwords.encode(password), u.id()).update();
        events.publishEvent(new PasswordReset(actor, username));
        return password;
    }

    /** A person changes their own password, knowing the current one. */
    @Transactional
    public void changeOwnPassword(String username, String current, String next) {
        User u = byName(username).orElseThrow(() -> new NotFound("user", username));
        if (current == null || !passwords.matches(current, u.passwordHash())) {
            throw InvalidInput.of("currentPassword", null, "지금 비밀번호가 맞지 않습니다");
        }
        checkPassword("newPassword", next);
        if (passwords.matches(next, u.passwordHash())) {
            throw InvalidInput.of("newPassword", null, "지금과 다른 비밀번호여야 합니다");
        }
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE, updated_at = now() WHERE id = ?")
                .params(passwords.encode(next), u.id()).update();
        events.publishEvent(new PasswordChanged(username));
    }

    private long activeAdmins() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND active").query(Long.class).single();
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw InvalidInput.of(field, null, "비밀번호는 8자 이상 128자 이하여야 합니다");
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String TEMPORARY = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** 12 characters without look-alikes (l/1, O/0), read out over the phone. */
    private static String temporaryPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(TEMPORARY.charAt(RANDOM.nextInt(TEMPORARY.length())));
        }
        return b.toString();
    }

    /** Creates an account (or leaves an existing one as it is); returns its id. */
    @Transactional
    public long create(String username, String rawPassword, Role role, Long landlordId, String displayName, String actor) {
        if (username == null || username.isBlank() || username.length() > SignInWaits.NAME_LENGTH) {
            throw InvalidInput.of("username", username, "1~" + SignInWaits.NAME_LENGTH + "자여야 합니다");
        }
        checkPassword("password", rawPassword);
        if (role == null) {
            throw InvalidInput.of("role", null, "ADMIN, MANAGER 또는 LANDLORD");
        }
        if ((role == Role.LANDLORD) != (landlordId != null)) {
            throw InvalidInput.of("landlordId", landlordId, "임대인(LANDLORD) 계정에만 있어야 하고, 그 계정에는 꼭 있어야 합니다");
        }
        checkLandlord(landlordId);
        Optional<Long> created = jdbc.sql("""
                INSERT INTO app_user (username, password_hash, role, landlord_id, display_name) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username) DO NOTHING RETURNING id""")
                .params(username, passwords.encode(rawPassword), role.name(), landlordId, displayName)
                .query(Long.class).optional();
        created.ifPresent(id -> events.publishEvent(new UserCreated(actor, username, role, landlordId)));
        return created.orElseGet(() -> byName(username).orElseThrow().id());
    }

    /** A person signed in through the form (API requests sign in on every call and are not audited one by one). */
    @Transactional
    public void signedIn(String username) {
        events.publishEvent(new LoggedIn(username));
    }

}
