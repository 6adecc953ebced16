package kr.fm.arrears.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the current caller may see. Queries pass {@link #landlordFilter} into their SQL, so a
 * LANDLORD's view is narrowed in the data layer, not only in a page. Scheduled work and staff see
 * everything.
 */
public final class Scope {

    /** Matches no landlord: a LANDLORD asking for someone else's data gets nothing. */
    static final long NOBODY = -1;

    private Scope() {}

    /** The caller's landlord when the caller is a LANDLORD, else empty. */
    public static java.util.Optional<Long> ownLandlord() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn user && user.role() == Role.LANDLORD) {
            return java.util.Optional.of(user.landlordId());
        }
        return java.util.Optional.empty();
    }

    /**
     * The landlord id to filter by: what was asked for, narrowed to the caller's own landlord; null
     * means all landlords.
     */
    public static Long landlordFilter(Long requested) {
        return ownLandlord().map(own -> requested == null || requested.equals(own) ? own : NOBODY).orElse(requested);
    }
}
