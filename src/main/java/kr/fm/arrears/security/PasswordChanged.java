package kr.fm.arrears.security;

/** A person changed their own password (they are the actor). */
public record PasswordChanged(String username) {}
