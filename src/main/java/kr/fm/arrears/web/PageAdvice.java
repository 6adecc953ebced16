package kr.fm.arrears.web;

import jakarta.servlet.http.HttpServletResponse;
import kr.fm.arrears.notice.NotAllowed;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.SignedIn;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.ui.Model;

/**
 * What every page knows (who is signed in) and how a page answers a missing or forbidden thing: a
 * Korean page with 404 or 403, where the API answers a problem ({@link ApiProblems}). A landlord
 * asking for another landlord's case gets the same 404 as for one that does not exist.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    /** The signed-in person as the header shows them. */
    public record Me(String username, String displayName, Role role, String roleLabel) {
        public boolean staff() {
            return role != Role.LANDLORD;
        }
    }

    private final Users users;
    private final boolean demoMessaging;

    PageAdvice(Users users, kr.fm.arrears.messaging.MessagingProperties messaging) {
        this.users = users;
        this.demoMessaging = messaging.mode() == kr.fm.arrears.messaging.MessagingProperties.Mode.DEMO;
    }

    /** Every page says so when texts and e-mails are only marked sent: nobody should believe a tenant was told. */
    /** The Korean word for each role, for the accounts pages. */
    @ModelAttribute("roleLabels")
    java.util.Map<String, String> roleLabels() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (Role r : Role.values()) {
            labels.put(r.name(), Labels.role(r));
        }
        return labels;
    }

    @ModelAttribute("demoMessaging")
    boolean demoMessaging() {
        return demoMessaging;
    }

    @ModelAttribute("me")
    Me me(@AuthenticationPrincipal SignedIn user) {
        if (user == null) {
            return null;
        }
        String name = users.account(user.username()).map(Users.Account::displayName).orElse(user.username());
        return new Me(user.username(), name == null ? user.username() : name, user.role(), Labels.role(user.role()));
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    /** "/cases/abc" is a page that does not exist; a malformed form or filter value is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            response.setStatus(404);
            return "error/404";
        }
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("field", e.getName());
        return "error";
    }

    @ExceptionHandler({NotAllowed.class, org.springframework.security.access.AccessDeniedException.class})
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }
}
