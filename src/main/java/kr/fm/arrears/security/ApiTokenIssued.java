package kr.fm.arrears.security;

import java.time.Instant;

/** An integration token was issued for the account; {@code expiresAt} null: until revoked. */
public record ApiTokenIssued(String actor, String username, long tokenId, String name, Instant expiresAt) {}
