package kr.fm.arrears.security;

import java.time.Instant;

/**
 * {@code wrongPasswords} in a row made the name wait at the address for {@code minutes}, until
 * {@code until}; {@code episode} counts the waits there (each one twice as long as the one before).
 */
public record SignInWaitStarted(String username, String clientAddress, int wrongPasswords, long minutes, Instant until,
        int episode) {}
