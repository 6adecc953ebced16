package kr.fm.arrears.web;

import java.time.Clock;
import java.time.LocalDate;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.notice.NotAllowed;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An escalation run for a date from the pages (MANAGER, ADMIN), as the 09:00 schedule and
 * {@code POST /api/escalation/runs} start it: synchronous, then the run's counts and the leases it
 * could not decide. The rules (no real run after today or before the last one) are the runs' own.
 */
@Controller
class RunsPage {

    private final EscalationRuns runs;
    private final Clock clock;

    RunsPage(EscalationRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @GetMapping("/runs")
    String page(Viewer viewer, @RequestParam(required = false) Long run, Model model) {
        staffOnly(viewer);
        model.addAttribute("today", BusinessTime.today(clock).toString());
        model.addAttribute("lastRealRun", runs.lastCompletedRealRun().map(Labels::dateOf).orElse(null));
        if (run != null) {
            EscalationRuns.RunView r = runs.find(run).orElseThrow(() -> new NotFound("escalation run", run));
            model.addAttribute("run", r);
            model.addAttribute("runStatus", status(r.status()));
            model.addAttribute("errors", runs.errors(run));
        }
        return "runs";
    }

    @PostMapping("/runs")
    String start(Viewer viewer, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
            @RequestParam(required = false) Boolean dryRun, RedirectAttributes redirect) {
        staffOnly(viewer);
        try {
            if (businessDate == null) {
                throw InvalidInput.of("businessDate", null, "실행할 날짜를 입력하세요");
            }
            boolean dry = Boolean.TRUE.equals(dryRun);
            EscalationRuns.RunView r = runs.start(businessDate, dry, viewer.name());
            String what = Labels.dateOf(businessDate) + (dry ? " 모의 실행" : " 실행");
            return r.status().startsWith("COMPLETED")
                    ? Flash.done(redirect, what + "을 마쳤습니다.", "/runs?run=" + r.id())
                    : Flash.refused(redirect, new Conflict(what + "이 끝나지 못했습니다 (" + status(r.status()) + ")."),
                            "/runs?run=" + r.id());
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, "/runs");
        }
    }

    /** Spring Batch's status of a run, in the page's words. */
    static String status(String status) {
        return switch (status) {
            case "COMPLETED" -> "완료";
            case "COMPLETED_WITH_ERRORS" -> "완료 (오류 있음)";
            case "FAILED" -> "실패";
            case "STARTING", "STARTED" -> "실행 중";
            case "STOPPED", "STOPPING" -> "멈춤";
            default -> status;
        };
    }

    private static void staffOnly(Viewer viewer) {
        if (viewer.role() != Viewer.Role.MANAGER && viewer.role() != Viewer.Role.ADMIN) {
            throw new NotAllowed("정기 실행은 직원만 시작할 수 있습니다 (" + viewer.name() + ": " + viewer.role() + ")");
        }
    }
}
