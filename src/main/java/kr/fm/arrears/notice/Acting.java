package kr.fm.arrears.notice;

import kr.fm.arrears.security.SignedIn;
import kr.fm.arrears.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who acts on a notice and in which role: the signed-in user over HTTP, SYSTEM for scheduled work. */
public record Acting(String name, Role role) {

    public static final Acting SYSTEM = new Acting(Actor.SYSTEM, Role.SYSTEM);

    /** The signed-in user; work outside a request (the scheduler) acts as SYSTEM. */
    public static Acting current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn user) {
            return new Acting(user.username(), Role.valueOf(user.role().name()));
        }
        return SYSTEM;
    }

    public Acting {
        if (name == null || name.isBlank()) {
            throw kr.fm.arrears.shared.InvalidInput.of("actor", name, "must name who acts");
        }
    }
}
