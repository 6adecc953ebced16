package kr.fm.arrears.security;

/** An account was opened (by an ADMIN, the first start or the demo data). */
public record UserCreated(String actor, String username, Role role, Long landlordId) {}
