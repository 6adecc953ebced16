package kr.fm.arrears.security;

/** An ADMIN gave the account a new temporary password. */
public record PasswordReset(String actor, String username) {}
