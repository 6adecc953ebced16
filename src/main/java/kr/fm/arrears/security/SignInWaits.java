package kr.fm.arrears.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.fm.arrears.shared.NotFound;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out that protects without locking out (issue 12): {@value #MAX_FAILURES} wrong passwords in a
 * row from one client address make that name wait there for 15 minutes, doubling on each repeat up
 * to 24 hours. Another address (the real owner at the office) is not held back by an attacker's
 * guesses, the wait ends by itself, and an ADMIN can end it at once. A name is kept as typed, cut
 * to {@value #NAME_LENGTH} characters, so an unknown name waits exactly like a real one.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SignInWaits {

    public static final int MAX_FAILURES = 5;
    public static final int NAME_LENGTH = 64;
    static final Duration FIRST_WAIT = Duration.ofMinutes(15);
    static final Duration LONGEST_WAIT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The name as it is stored and audited: at most 64 characters, whatever was typed. */
    public static String key(String typed) {
        String name = typed == null ? "" : typed;
        return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH);
    }

    /** How long the wait after {@code earlier} previous waits lasts: 15 min, 30, 60 … at most 24 h. */
    static Duration waitAfter(int earlier) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(earlier, 7)); // 2^7 × 15 min is past 24 h
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Until when the name waits at this address; empty when it may try now. */
    public Optional<Instant> waitingUntil(String name, String address) {
        return jdbc.sql("SELECT waits_until FROM sign_in_wait WHERE username = ? AND client_address = ? AND waits_until > ?")
                .params(key(name), key(address), Timestamp.from(clock.instant())).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** An attempt during the wait: answered like a wrong password, counted, not audited one by one. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String name, String address) {
        jdbc.sql("UPDATE sign_in_wait SET refused = refused + 1 WHERE username = ? AND client_address = ?")
                .params(key(name), key(address)).update();
    }

    /**
     * A wrong password: audited and counted; the {@value #MAX_FAILURES}th starts a wait, audited once
     * for the whole wait. Its own transaction: the sign-in fails anyway.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String name, String address) {
        String user = key(name);
        String from = key(address);
        Instant now = clock.instant();
        // a guess that was checked while another started the wait counts as refused, not as a failure
        int failures = jdbc.sql("""
                INSERT INTO sign_in_wait (username, client_address, failures, updated_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (username, client_address) DO UPDATE
                  SET failures = CASE WHEN sign_in_wait.waits_until > EXCLUDED.updated_at THEN sign_in_wait.failures
                                      ELSE sign_in_wait.failures + 1 END,
                      refused = CASE WHEN sign_in_wait.waits_until > EXCLUDED.updated_at THEN sign_in_wait.refused + 1
                                     ELSE sign_in_wait.refused END,
                      updated_at = EXCLUDED.updated_at
                RETURNING CASE WHEN waits_until > updated_at THEN -1 ELSE failures END""")
                .params(user, from, Timestamp.from(now)).query(Integer.class).single();
        if (failures < 0) {
            return;
        }
        events.publishEvent(new SignInFailed(user, failures, from));
        if (failures < MAX_FAILURES) {
            return;
        }
        // the row is locked by the upsert above: one wait per fifth failure, however many arrive together
        int earlier = jdbc.sql("SELECT episodes FROM sign_in_wait WHERE username = ? AND client_address = ?")
                .params(user, from).query(Integer.class).single();
        Duration wait = waitAfter(earlier);
        jdbc.sql("""
                UPDATE sign_in_wait SET failures = 0, episodes = episodes + 1, waits_until = ?, refused = 0
                WHERE username = ? AND client_address = ?""").params(Timestamp.from(now.plus(wait)), user, from).update();
        events.publishEvent(new SignInWaitStarted(user, from, MAX_FAILURES, wait.toMinutes(), now.plus(wait), earlier + 1));
    }

    /** A right password (after any wait): the count and the doubling start over for this address. */
    @Transactional
    public void succeeded(String name, String address) {
        jdbc.sql("DELETE FROM sign_in_wait WHERE username = ? AND client_address = ?").params(key(name), key(address)).update();
    }

    /** An ADMIN ends every wait of an account at once, from every address. */
    @Transactional
    public void unlock(String username, String actor) {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() == 0) {
            throw new NotFound("user", username);
        }
        int ended = jdbc.sql("DELETE FROM sign_in_wait WHERE username = ? AND waits_until > ?")
                .params(username, Timestamp.from(clock.instant())).update();
        jdbc.sql("DELETE FROM sign_in_wait WHERE username = ?").param(username).update();
        events.publishEvent(new AccountUnlocked(actor, username, ended));
    }
}
