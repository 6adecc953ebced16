package kr.fm.arrears.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.security.ApiTokens;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts in the pages: an ADMIN opens, changes, deactivates and resets them ({@code /admin/users});
 * issues and revokes an account's API tokens; everyone changes their own password ({@code /account/password}), and must at the first sign-in
 * with a temporary one.
 */
@Controller
class AccountsPage {

    private final Users users;
    private final LedgerViews views;
    private final kr.fm.arrears.security.SignInWaits waits;
    private final ApiTokens tokens;

    AccountsPage(Users users, LedgerViews views, kr.fm.arrears.security.SignInWaits waits, ApiTokens tokens) {
        this.users = users;
        this.views = views;
        this.waits = waits;
        this.tokens = tokens;
    }

    @GetMapping("/admin/users")
    String list(Viewer viewer, Model model) {
        model.addAttribute("accounts", users.list());
        model.addAttribute("landlords", views.landlords(viewer));
        model.addAttribute("roles", List.of(Role.MANAGER, Role.LANDLORD, Role.ADMIN));
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String open(Viewer viewer, @RequestParam(required = false) String username, @RequestParam(required = false) Role role,
            @RequestParam(required = false) Long landlordId, @RequestParam(required = false) String displayName,
            RedirectAttributes redirect) {
        try {
            String password = users.open(username, role, role == Role.LANDLORD ? landlordId : null, displayName, null,
                    viewer.name());
            return Flash.done(redirect, "계정 " + username.strip() + "을(를) 만들었습니다. 임시 비밀번호: " + password
                    + " (처음 로그인할 때 바꿔야 합니다. 이 화면을 떠나면 다시 볼 수 없습니다.)", "/admin/users");
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, "/admin/users");
        }
    }

    @GetMapping("/admin/users/{username}")
    String show(Viewer viewer, @PathVariable String username, Model model) {
        model.addAttribute("account", users.account(username).orElseThrow(() -> new NotFound("user", username)));
        model.addAttribute("landlords", views.landlords(viewer));
        model.addAttribute("roles", List.of(Role.MANAGER, Role.LANDLORD, Role.ADMIN));
        model.addAttribute("tokens", tokens.list(username).stream().map(AccountsPage::row).toList());
        return "admin-user";
    }

    @PostMapping("/admin/users/{username}")
    String change(Viewer viewer, @PathVariable String username, @RequestParam(required = false) Role role,
            @RequestParam(required = false) Long landlordId, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) Boolean active, RedirectAttributes redirect) {
        String to = "/admin/users/" + username;
        try {
            users.change(username, new Users.Change(role, role == Role.LANDLORD ? landlordId : null, displayName, active),
                    viewer.name());
            return Flash.done(redirect, "계정 " + username + "을(를) 고쳤습니다.", to);
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }

    @PostMapping("/admin/users/{username}/password-reset")
    String reset(Viewer viewer, @PathVariable String username, RedirectAttributes redirect) {
        String password = users.resetPassword(username, viewer.name());
        return Flash.done(redirect, "새 임시 비밀번호: " + password + " (다음 로그인 때 바꿔야 합니다.)", "/admin/users/" + username);
    }

    /** Ends the account's sign-in waits at once (after five wrong passwords it waits 15 minutes and more). */
    @PostMapping("/admin/users/{username}/unlock")
    String unlock(Viewer viewer, @PathVariable String username, RedirectAttributes redirect) {
        users.account(username).orElseThrow(() -> new NotFound("user", username));
        waits.unlock(username, viewer.name());
        return Flash.done(redirect, "로그인 대기를 풀었습니다. 바로 로그인할 수 있습니다.", "/admin/users/" + username);
    }

    /**
     * An API token for the account (an accounting tool, a script), valid through the chosen Seoul date
     * if one is given; the token is shown once, only its SHA-256 is kept.
     */
    /** A token as the account page lists it, in Seoul time. */
    public record TokenRow(long id, String name, String createdBy, String createdAt, String lastUsedAt, String expiresAt,
            String state, boolean live) {}

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.SEOUL);

    private static TokenRow row(ApiTokens.TokenView t) {
        String state = t.revokedAt() != null ? "폐기됨 " + MINUTE.format(t.revokedAt()) : "사용 중";
        return new TokenRow(t.id(), t.name(), t.createdBy(), MINUTE.format(t.createdAt()),
                t.lastUsedAt() == null ? "-" : MINUTE.format(t.lastUsedAt()),
                t.expiresAt() == null ? "폐기할 때까지" : MINUTE.format(t.expiresAt()) + "까지", state, t.revokedAt() == null);
    }

    @PostMapping("/admin/users/{username}/tokens")
    String issueToken(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validThrough,
            RedirectAttributes redirect) {
        String to = "/admin/users/" + username;
        try {
            Instant expiresAt = validThrough == null ? null : validThrough.plusDays(1).atStartOfDay(BusinessTime.SEOUL).toInstant();
            ApiTokens.Issued issued = tokens.issue(username, name, expiresAt, viewer.name());
            return Flash.done(redirect, "API 토큰 " + issued.name() + "을(를) 만들었습니다: " + issued.token()
                    + " (이 화면을 떠나면 다시 볼 수 없습니다.)", to);
        } catch (InvalidInput e) {
            return Flash.refused(redirect, e, to);
        }
    }

    @PostMapping("/admin/users/{username}/tokens/{id}/revoke")
    String revokeToken(Viewer viewer, @PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(username, id, viewer.name());
        return Flash.done(redirect, "API 토큰을 폐기했습니다. 더는 아무것도 열 수 없습니다.", "/admin/users/" + username);
    }

    @GetMapping("/account/password")
    String passwordForm(Viewer viewer, Model model) {
        model.addAttribute("account", users.account(viewer.name()).orElseThrow());
        return "account-password";
    }

    @PostMapping("/account/password")
    String changePassword(Viewer viewer, @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String newPasswordAgain,
            RedirectAttributes redirect) {
        try {
            if (newPassword == null || !newPassword.equals(newPasswordAgain)) {
                throw InvalidInput.of("newPasswordAgain", null, "새 비밀번호가 서로 다릅니다");
            }
            users.changeOwnPassword(viewer.name(), currentPassword, newPassword);
            return Flash.done(redirect, "비밀번호를 바꿨습니다.", "/");
        } catch (InvalidInput e) {
            return Flash.refused(redirect, e, "/account/password");
        }
    }
}
