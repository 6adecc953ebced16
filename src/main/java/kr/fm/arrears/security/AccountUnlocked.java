package kr.fm.arrears.security;

/** An ADMIN ended every sign-in wait of the account; {@code waitsEnded} of them were still running. */
public record AccountUnlocked(String actor, String username, int waitsEnded) {}
