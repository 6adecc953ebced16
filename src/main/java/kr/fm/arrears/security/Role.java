package kr.fm.arrears.security;

/**
 * SPEC "Users": the roles an account is given and signs in with. The domain's word is
 * {@link kr.fm.arrears.shared.Viewer.Role}, which adds SYSTEM for work nobody signed in for; one enum
 * for both would make SYSTEM a role an account could be opened with ({@link SignedIn#viewer()} maps
 * one to the other).
 */
public enum Role {
    ADMIN,
    MANAGER,
    LANDLORD
}
