package kr.fm.arrears.shared;

import java.util.Optional;

/**
 * Who asks or acts, handed in by the edge (a page, an API call, the scheduler) rather than read from
 * a thread-local: a LANDLORD sees only their own landlord's rows, staff and scheduled work see
 * everything, and the name is what the audit log records.
 */
public record Viewer(String name, Role role, Long landlordId) {

    /** SPEC "Users", plus SYSTEM for work nobody signed in for. */
    public enum Role {
        SYSTEM,
        MANAGER,
        LANDLORD,
        ADMIN
    }

    public static final String SYSTEM_NAME = "SYSTEM";

    /** Scheduled work and start-up jobs. */
    public static final Viewer SYSTEM = new Viewer(SYSTEM_NAME, Role.SYSTEM, null);

    /** Matches no landlord: a LANDLORD asking for someone else's data gets nothing. */
    static final long NOBODY = -1;

    public Viewer {
        if (name == null || name.isBlank()) {
            throw InvalidInput.of("actor", name, "누가 하는지 밝혀야 합니다");
        }
        if (role == null || (role == Role.LANDLORD) != (landlordId != null)) {
            throw new IllegalArgumentException("a LANDLORD viewer, and only one, names a landlord: " + role + "/" + landlordId);
        }
    }

    public static Viewer staff(String name, Role role) {
        return new Viewer(name, role, null);
    }

    public static Viewer landlord(String name, long landlordId) {
        return new Viewer(name, Role.LANDLORD, landlordId);
    }

    /** The viewer's own landlord when they are a LANDLORD, else empty. */
    public Optional<Long> ownLandlord() {
        return Optional.ofNullable(landlordId);
    }

    public boolean isStaff() {
        return landlordId == null;
    }

    /**
     * The landlord id to filter by: what was asked for, narrowed to the viewer's own landlord; null
     * means all landlords.
     */
    public Long landlordFilter(Long requested) {
        if (landlordId == null) {
            return requested;
        }
        return requested == null || requested.equals(landlordId) ? landlordId : NOBODY;
    }
}
