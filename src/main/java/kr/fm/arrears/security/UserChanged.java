package kr.fm.arrears.security;

/** An ADMIN changed an account: what it is now, and the role and state it had before. */
public record UserChanged(String actor, String username, Role role, Long landlordId, String displayName, boolean active,
        Role wasRole, boolean wasActive) {

    /** The change switched the account off (it signs in nowhere from now on). */
    public boolean deactivated() {
        return wasActive && !active;
    }

    /** The change switched a deactivated account back on. */
    public boolean reactivated() {
        return !wasActive && active;
    }
}
