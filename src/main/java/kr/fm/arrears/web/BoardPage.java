package kr.fm.arrears.web;

import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.ledger.LedgerViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The arrears board; a LANDLORD reads the same board, narrowed to their own buildings, without the forms. */
@Controller
class BoardPage {

    private final Board board;
    private final LedgerViews views;
    private final EscalationRuns runs;

    BoardPage(Board board, LedgerViews views, EscalationRuns runs) {
        this.board = board;
        this.views = views;
        this.runs = runs;
    }

    @GetMapping("/board")
    String board(Viewer viewer, @RequestParam(required = false) Long buildingId,
            @RequestParam(defaultValue = "false") boolean depositFlagged, Model model) {
        if (model.getAttribute("me") instanceof PageAdvice.Me me && me.staff()) {
            runs.latestErrors().ifPresent(e -> model.addAttribute("runErrors", e));
        }
        model.addAttribute("board", board.open(viewer, buildingId, depositFlagged));
        model.addAttribute("depositFlagged", depositFlagged);
        model.addAttribute("flagPercent", board.flagPercent());
        model.addAttribute("buildings", views.buildings(viewer, null, null));
        model.addAttribute("buildingId", buildingId);
        return "board";
    }
}
