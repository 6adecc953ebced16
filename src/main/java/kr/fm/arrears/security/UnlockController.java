package kr.fm.arrears.security;

import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An ADMIN ends an account's sign-in waits at once (the {@code /api/users/**} paths are ADMIN's). */
@RestController
@RequiredArgsConstructor
class UnlockController {

    private final SignInWaits waits;

    @PostMapping("/api/users/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(Viewer viewer, @PathVariable String username) {
        waits.unlock(username, viewer.name());
    }
}
