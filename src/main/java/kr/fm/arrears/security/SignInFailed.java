package kr.fm.arrears.security;

/**
 * A wrong password for the name (as stored: at most 64 characters) from the address;
 * {@code failedAttempts} in a row there so far.
 */
public record SignInFailed(String username, int failedAttempts, String clientAddress) {}
