package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Actor;

/**
 * Who acts on a notice and in which role. Passed explicitly until sign-in exists (issue 6 derives
 * it from the authenticated user).
 */
public record Acting(String name, Role role) {

    public static final Acting SYSTEM = new Acting(Actor.SYSTEM, Role.SYSTEM);

    public Acting {
        if (name == null || name.isBlank()) {
            throw kr.fm.arrears.shared.InvalidInput.of("actor", name, "must name who acts");
        }
    }
}
