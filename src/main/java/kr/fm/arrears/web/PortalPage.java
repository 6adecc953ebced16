package kr.fm.arrears.web;

import java.time.Clock;
import java.time.YearMonth;
import kr.fm.arrears.history.NoticeHistory;
import kr.fm.arrears.security.Scope;
import kr.fm.arrears.shared.BusinessTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landlord's first page: what the service did for them this month (the service works when
 * nobody hears of it, so it says so), and the open arrears at a glance.
 */
@Controller
class PortalPage {

    private final NoticeHistory history;
    private final Board board;
    private final Clock clock;

    PortalPage(NoticeHistory history, Board board, Clock clock) {
        this.history = history;
        this.board = board;
        this.clock = clock;
    }

    /** The first page after sign-in: staff go to the arrears board, a landlord stays here. */
    @GetMapping("/")
    String home(Model model) {
        if (Scope.ownLandlord().isEmpty()) {
            return "redirect:/board";
        }
        YearMonth month = YearMonth.from(BusinessTime.today(clock));
        model.addAttribute("summary", history.summary(month));
        model.addAttribute("board", board.open(null));
        return "portal";
    }
}
