package kr.fm.arrears.security;

/** A person signed in through the form (API requests sign in on every call and are not told one by one). */
public record LoggedIn(String username) {}
