package kr.fm.arrears.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; Spring Security checks the POST, counts failures and locks the account. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            HttpSession session, Model model) {
        if (error != null) {
            // a locked account says so, so the person calls the office instead of guessing on
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", failure instanceof LockedException ? "locked" : "credentials");
        }
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
