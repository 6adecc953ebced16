package kr.fm.arrears.shared;

/**
 * Who is acting, for the audit log. Until sign-in exists every API call is recorded as
 * {@link #API}; scheduled work acts as {@link #SYSTEM}.
 */
public final class Actor {

    public static final String SYSTEM = "SYSTEM";
    public static final String API = "api";

    private Actor() {}

    public static String current() {
        return API;
    }
}
