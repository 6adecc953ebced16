package kr.fm.arrears.security;

import java.util.Collection;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security holds them: name, role and, for a LANDLORD, their landlord. */
public record SignedIn(String username, String passwordHash, Role role, Long landlordId, boolean active)
        implements UserDetails {

    /** Who this person is to the domain: staff in their role, or a LANDLORD of their own landlord. */
    public Viewer viewer() {
        return role == Role.LANDLORD ? Viewer.landlord(username, landlordId)
                : Viewer.staff(username, Viewer.Role.valueOf(role.name()));
    }

    /** A deactivated account signs in nowhere: Spring Security refuses a disabled one, Basic and form alike. */
    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
