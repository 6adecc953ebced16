package kr.fm.arrears.security;

/** SPEC "Users": SYSTEM is not a role one signs in with. */
public enum Role {
    ADMIN,
    MANAGER,
    LANDLORD
}
