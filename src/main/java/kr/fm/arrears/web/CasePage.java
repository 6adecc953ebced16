package kr.fm.arrears.web;

import java.time.Clock;
import java.time.LocalDate;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.security.Scope;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A case's timeline; a MANAGER pauses it (dispute, payment plan, landlord's request) or resumes it. */
@Controller
class CasePage {

    private final Board board;
    private final Timeline timeline;
    private final Cases cases;
    private final Clock clock;

    CasePage(Board board, Timeline timeline, Cases cases, Clock clock) {
        this.clock = clock;
        this.board = board;
        this.timeline = timeline;
        this.cases = cases;
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        Cases.CaseView c = board.visibleCase(id);
        model.addAttribute("c", c);
        model.addAttribute("row", board.row(c));
        model.addAttribute("timeline", timeline.of(c, Scope.ownLandlord().isEmpty(), BusinessTime.today(clock)));
        return "case";
    }

    @PostMapping("/cases/{id}/pause")
    String pause(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate until, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String to = "/cases/" + id;
        board.visibleCase(id);
        try {
            if (until == null) {
                throw InvalidInput.of("until", null, "멈출 기한을 입력하세요");
            }
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                throw InvalidInput.of("reason", reason, "사유를 500자 이내로 입력하세요");
            }
            cases.pause(id, until, reason.trim(), Actor.current());
            return Flash.done(redirect, Labels.dateOf(until) + "까지 일시 중지했습니다.", to);
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }

    @PostMapping("/cases/{id}/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        String to = "/cases/" + id;
        board.visibleCase(id);
        try {
            cases.resume(id, Actor.current());
            return Flash.done(redirect, "다시 진행합니다. 다음 정기 실행부터 단계가 적용됩니다.", to);
        } catch (Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }
}
