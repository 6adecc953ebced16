package kr.fm.arrears.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form; Spring Security checks the POST (security/GuardedSignIn). An unknown name, a
 * wrong password and a name that must wait get the same words, so the page tells an attacker nothing.
 */
@Controller
class SignInPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
