package kr.fm.arrears.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for integrations, per user: a token acts as its user (same role, same landlord
 * scope). Only its SHA-256 is stored, so a copy of the database opens nothing; revoking is the way
 * to stop one.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "arr_";
    public static final int NAME_MAX = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public record Issued(long id, String name, String token) {}

    public record TokenView(long id, String name, String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
            Instant expiresAt) {}

    @Transactional
    Issued issue(String username, String name, String actor) {
        return issue(username, name, null, actor);
    }

    /** {@code expiresAt}: the token opens nothing after it (null: until revoked). */
    @Transactional
    public Issued issue(String username, String name, Instant expiresAt, String actor) {
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
            throw InvalidInput.of("name", name, "토큰 이름을 " + NAME_MAX + "자 이내로 입력하세요 (예: 회계 연동)");
        }
        name = name.strip();
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidInput.of("expiresAt", expiresAt, "만료 시각은 지금보다 뒤여야 합니다");
        }
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("user", username));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_sha256, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(userId, name, Sha256.hex(token), actor, Timestamp.from(clock.instant()),
                        expiresAt == null ? null : Timestamp.from(expiresAt)).query(Long.class).single();
        events.publishEvent(new ApiTokenIssued(actor, username, id, name, expiresAt));
        return new Issued(id, name, token);
    }

    @Transactional
    public void revoke(String username, long id, String actor) {
        int rows = jdbc.sql("""
                UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL
                  AND user_id = (SELECT id FROM app_user WHERE username = ?)""")
                .params(Timestamp.from(clock.instant()), id, username).update();
        if (rows == 0) {
            throw new NotFound("active token of " + username, id);
        }
        events.publishEvent(new ApiTokenRevoked(actor, username, id));
    }

    public List<TokenView> list(String username) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.created_by, t.created_at, t.last_used_at, t.revoked_at, t.expires_at FROM api_token t
                JOIN app_user u ON u.id = t.user_id WHERE u.username = ? ORDER BY t.id""").param(username)
                .query(TokenView.class).list();
    }

    /** The user a live token belongs to; empty for an unknown or revoked token. */
    @Transactional
    Optional<String> user(String token) {
        Optional<String> user = jdbc.sql("""
                UPDATE api_token t SET last_used_at = ? FROM app_user u
                WHERE u.id = t.user_id AND t.token_sha256 = ? AND t.revoked_at IS NULL
                  AND (t.expires_at IS NULL OR t.expires_at > ?) RETURNING u.username""")
                .params(Timestamp.from(clock.instant()), Sha256.hex(token), Timestamp.from(clock.instant()))
                .query(String.class).optional();
        return user;
    }
}
