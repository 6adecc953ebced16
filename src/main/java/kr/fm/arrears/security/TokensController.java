package kr.fm.arrears.security;

import java.util.List;
import kr.fm.arrears.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An ADMIN issues and revokes integration tokens (the {@code /api/users/**} paths are ADMIN's). */
@RestController
class TokensController {

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name, java.time.Instant expiresAt) {}

    /** The token is in this answer only; afterwards only its name and dates can be read. */
    @PostMapping("/api/users/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(Viewer viewer, @PathVariable String username, @RequestBody NewToken body) {
        return tokens.issue(username, body.name(), body.expiresAt(), viewer.name());
    }

    @GetMapping("/api/users/{username}/tokens")
    List<ApiTokens.TokenView> list(@PathVariable String username) {
        return tokens.list(username);
    }

    @DeleteMapping("/api/users/{username}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Viewer viewer, @PathVariable String username, @PathVariable long id) {
        tokens.revoke(username, id, viewer.name());
    }
}
