package kr.fm.arrears.security;

/** An integration token of the account was revoked. */
public record ApiTokenRevoked(String actor, String username, long tokenId) {}
