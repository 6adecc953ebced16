package kr.fm.arrears.notice;

/** The roles of SPEC "Users" that act on notices. */
public enum Role {
    SYSTEM,
    MANAGER,
    LANDLORD,
    ADMIN
}
