package kr.fm.arrears.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts, for an ADMIN ({@code /api/users/**}): open one with a temporary password, change its
 * role, landlord or name, deactivate or reactivate it, reset its password; and, for everyone, their
 * own account ({@code /api/me}).
 */
@RestController
@RequiredArgsConstructor
class UsersController {

    private final Users users;

    record NewAccount(@NotBlank @Size(max = 64) String username, @NotNull Role role, Long landlordId,
            @Size(max = 100) String displayName, @Size(min = 8, max = 128) String temporaryPassword) {}

    /** The temporary password is in this answer only, to hand over; it must be changed at the first sign-in. */
    record Opened(Users.Account account, String temporaryPassword) {}

    @GetMapping("/api/users")
    List<Users.Account> list() {
        return users.list();
    }

    @GetMapping("/api/users/{username}")
    Users.Account get(@PathVariable String username) {
        return users.account(username).orElseThrow(() -> new NotFound("user", username));
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(Viewer viewer, @Valid @RequestBody NewAccount body) {
        String password = users.open(body.username(), body.role(), body.landlordId(), body.displayName(),
                body.temporaryPassword(), viewer.name());
        return new Opened(users.account(body.username().strip()).orElseThrow(), password);
    }

    record Change(Role role, Long landlordId, @Size(max = 100) String displayName, Boolean active) {}

    @PatchMapping("/api/users/{username}")
    Users.Account change(Viewer viewer, @PathVariable String username, @Valid @RequestBody Change body) {
        return users.change(username, new Users.Change(body.role(), body.landlordId(), body.displayName(), body.active()),
                viewer.name());
    }

    @PostMapping("/api/users/{username}/password-reset")
    Map<String, String> reset(Viewer viewer, @PathVariable String username) {
        return Map.of("temporaryPassword", users.resetPassword(username, viewer.name()));
    }

    @GetMapping("/api/me")
    Users.Account me(Viewer viewer) {
        return get(viewer.name());
    }

    record NewPassword(@NotBlank String currentPassword, @NotBlank String newPassword) {}

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Viewer viewer, @Valid @RequestBody NewPassword body) {
        users.changeOwnPassword(viewer.name(), body.currentPassword(), body.newPassword());
    }
}
