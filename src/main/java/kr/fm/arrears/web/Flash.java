package kr.fm.arrears.web;

import kr.fm.arrears.shared.InvalidInput;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Redirect-after-post: the outcome of a form travels to the next page as a one-time message. */
final class Flash {

    private Flash() {}

    static String done(RedirectAttributes redirect, String message, String to) {
        redirect.addFlashAttribute("notice", message);
        return "redirect:" + to;
    }

    /** A refused action: nothing changed, and the page says why (the rule's own words). */
    static String refused(RedirectAttributes redirect, RuntimeException e, String to) {
        String why = e instanceof InvalidInput invalid ? invalid.errors().stream()
                .map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()) : e.getMessage();
        redirect.addFlashAttribute("problem", "처리하지 못했습니다. " + why);
        return "redirect:" + to;
    }
}
