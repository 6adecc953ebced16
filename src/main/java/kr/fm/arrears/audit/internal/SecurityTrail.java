package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.security.AccountUnlocked;
import kr.fm.arrears.security.ApiTokenIssued;
import kr.fm.arrears.security.ApiTokenRevoked;
import kr.fm.arrears.security.LoggedIn;
import kr.fm.arrears.security.PasswordChanged;
import kr.fm.arrears.security.PasswordReset;
import kr.fm.arrears.security.SignInFailed;
import kr.fm.arrears.security.SignInWaitStarted;
import kr.fm.arrears.security.UserChanged;
import kr.fm.arrears.security.UserCreated;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Accounts and sign-ins, as the audit log keeps them; the subject is always the account's name.
 * Listeners run in the publisher's transaction: a failed sign-in is published in a transaction of
 * its own (security/SignInWaits), so its row commits although the sign-in fails.
 */
@Component
@RequiredArgsConstructor
class SecurityTrail {

    private static final String USER = "USER";

    private final AuditLog log;

    @EventListener
    void on(UserCreated e) {
        log.record(AuditAction.USER_CREATED, e.actor(), USER, e.username(), null, null,
                details("role", e.role(), "landlordId", e.landlordId()));
    }

    @EventListener
    void on(UserChanged e) {
        AuditAction action = e.deactivated() ? AuditAction.USER_DEACTIVATED
                : e.reactivated() ? AuditAction.USER_REACTIVATED : AuditAction.USER_CHANGED;
        log.record(action, e.actor(), USER, e.username(), null, null, details("role", e.role(), "landlordId", e.landlordId(),
                "displayName", e.displayName(), "active", e.active(), "wasRole", e.wasRole(), "wasActive", e.wasActive()));
    }

    @EventListener
    void on(PasswordReset e) {
        log.record(AuditAction.PASSWORD_RESET, e.actor(), USER, e.username(), null, null, null);
    }

    @EventListener
    void on(PasswordChanged e) {
        log.record(AuditAction.PASSWORD_CHANGED, e.username(), USER, e.username(), null, null, null);
    }

    @EventListener
    void on(ApiTokenIssued e) {
        log.record(AuditAction.API_TOKEN_ISSUED, e.actor(), USER, e.username(), null, null, details("tokenId", e.tokenId(),
                "name", e.name(), "expiresAt", e.expiresAt() == null ? null : e.expiresAt().toString()));
    }

    @EventListener
    void on(ApiTokenRevoked e) {
        log.record(AuditAction.API_TOKEN_REVOKED, e.actor(), USER, e.username(), null, null, details("tokenId", e.tokenId()));
    }

    @EventListener
    void on(AccountUnlocked e) {
        log.record(AuditAction.ACCOUNT_UNLOCKED, e.actor(), USER, e.username(), null, null,
                details("waitsEnded", e.waitsEnded()));
    }

    @EventListener
    void on(LoggedIn e) {
        log.record(AuditAction.LOGIN, e.username(), USER, e.username(), null, null, null);
    }

    @EventListener
    void on(SignInFailed e) {
        log.record(AuditAction.LOGIN_FAILED, e.username(), USER, e.username(), null, null,
                details("failedAttempts", e.failedAttempts(), "clientAddress", e.clientAddress()));
    }

    @EventListener
    void on(SignInWaitStarted e) {
        log.record(AuditAction.SIGN_IN_WAIT, e.username(), USER, e.username(), null,
                e.wrongPasswords() + " wrong passwords in a row from " + e.clientAddress(),
                details("clientAddress", e.clientAddress(), "minutes", e.minutes(), "until", e.until().toString(),
                        "wait", e.episode()));
    }
}
