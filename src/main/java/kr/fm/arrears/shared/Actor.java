package kr.fm.arrears.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for the audit log: the signed-in user, or SYSTEM for scheduled work. */
public final class Actor {

    public static final String SYSTEM = "SYSTEM";

    private Actor() {}

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? SYSTEM : auth.getName();
    }
}
