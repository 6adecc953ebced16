package kr.fm.arrears.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.shared.Viewer;
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

/**
 * A case's timeline; a MANAGER pauses it (dispute, payment plan, landlord's request) or resumes it, and corrects
 * its ledger ({@link CaseCorrectionsPage}).
 */
@Controller
class CasePage {

    private final Board board;
    private final Timeline timeline;
    private final Cases cases;
    private final Clock clock;
    private final kr.fm.arrears.messaging.Outbox outbox;
    private final kr.fm.arrears.messaging.Resends resends;
    private final kr.fm.arrears.messaging.OptOuts optOuts;
    private final kr.fm.arrears.ledger.LedgerViews views;
    private final CaseCorrectionsPage corrections;
    private final kr.fm.arrears.escalation.PaymentPlans plans;

    /** Rows of the plan form: blank rows are left out, so a short plan leaves the rest empty (the API takes up to 24). */
    static final int PLAN_ROWS = 12;

    CasePage(Board board, Timeline timeline, Cases cases, Clock clock, kr.fm.arrears.messaging.Outbox outbox,
            kr.fm.arrears.messaging.Resends resends, kr.fm.arrears.messaging.OptOuts optOuts,
            kr.fm.arrears.ledger.LedgerViews views, CaseCorrectionsPage corrections, kr.fm.arrears.escalation.PaymentPlans plans) {
        this.plans = plans;
        this.clock = clock;
        this.board = board;
        this.timeline = timeline;
        this.cases = cases;
        this.outbox = outbox;
        this.resends = resends;
        this.optOuts = optOuts;
        this.views = views;
        this.corrections = corrections;
    }

    @GetMapping("/cases/{id}")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        Cases.CaseView c = board.visibleCase(viewer, id);
        model.addAttribute("c", c);
        model.addAttribute("row", board.row(viewer, c));
        model.addAttribute("timeline", timeline.of(viewer, c, viewer.ownLandlord().isEmpty(), BusinessTime.today(clock)));
        model.addAttribute("today", BusinessTime.today(clock).toString()); // the evidence pack's as-of date, at most today
        List<kr.fm.arrears.escalation.PaymentPlans.Plan> ofCase = plans.ofCase(viewer, id);
        model.addAttribute("plans", ofCase);
        model.addAttribute("planActive", ofCase.stream().anyMatch(kr.fm.arrears.escalation.PaymentPlans.Plan::active));
        model.addAttribute("planRows", PLAN_ROWS);
        if (viewer.ownLandlord().isEmpty()) {
            model.addAttribute("failed", outbox.list(viewer, new kr.fm.arrears.messaging.Outbox.Filter(null, c.leaseId(),
                    kr.fm.arrears.messaging.MessageState.FAILED, null, 50, 0)));
            long tenant = tenantOf(viewer, c);
            model.addAttribute("optedOut", optOuts.visible(viewer, tenant).stream().map(Enum::name).toList());
            corrections.addTo(model, viewer, c);
        }
        return "case";
    }

    private long tenantOf(Viewer viewer, Cases.CaseView c) {
        return views.lease(viewer, c.leaseId()).orElseThrow(() -> new kr.fm.arrears.shared.NotFound("case", c.id())).tenantId();
    }

    /** A message the provider refused or could not deliver, sent again by a MANAGER (a new request). */
    @PostMapping("/cases/{id}/messages/{messageId}/resend")
    String resend(Viewer viewer, @PathVariable long id, @PathVariable long messageId, RedirectAttributes redirect) {
        String to = "/cases/" + id;
        Cases.CaseView c = board.visibleCase(viewer, id);
        kr.fm.arrears.messaging.Message m = outbox.find(viewer, messageId).filter(x -> x.leaseId() == c.leaseId())
                .orElseThrow(() -> new kr.fm.arrears.shared.NotFound("message", messageId));
        try {
            resends.resend(m.id(), "다시 보내기 (" + viewer.name() + ")");
            return Flash.done(redirect, "메시지를 다시 보낼 차례에 넣었습니다.", to);
        } catch (Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }

    /** The channels the tenant asked not to be contacted on (a certified notice is never one of them). */
    @PostMapping("/cases/{id}/opt-outs")
    String optOuts(Viewer viewer, @PathVariable long id, @RequestParam(required = false) java.util.List<kr.fm.arrears.escalation.Channel> channels,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String to = "/cases/" + id;
        Cases.CaseView c = board.visibleCase(viewer, id);
        try {
            optOuts.replace(viewer, tenantOf(viewer, c), channels == null ? java.util.Set.of() : java.util.EnumSet.copyOf(channels),
                    reason);
            return Flash.done(redirect, "수신 거부 설정을 저장했습니다. 대기 중인 메시지에도 바로 적용됩니다.", to);
        } catch (InvalidInput e) {
            return Flash.refused(redirect, e, to);
        }
    }

    @PostMapping("/cases/{id}/pause")
    String pause(Viewer viewer, @PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate until, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String to = "/cases/" + id;
        board.visibleCase(viewer, id);
        try {
            cases.pause(id, until, reason, viewer.name());
            return Flash.done(redirect, Labels.dateOf(until) + "까지 일시 중지했습니다.", to);
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }

    /**
     * A payment plan from the case page's form: the rows' dates and amounts (blank rows left out, "400,000" read
     * as 400000), optionally with the late interest. Refused as the API refuses it, the instalment named.
     */
    @PostMapping("/cases/{id}/plan")
    String plan(Viewer viewer, @PathVariable long id, @RequestParam(required = false) List<String> dueDate,
            @RequestParam(required = false) List<String> amount, @RequestParam(defaultValue = "false") boolean withInterest,
            RedirectAttributes redirect) {
        String to = "/cases/" + id;
        board.visibleCase(viewer, id);
        try {
            List<kr.fm.arrears.escalation.PaymentPlans.InstalmentInput> instalments = instalments(dueDate, amount);
            kr.fm.arrears.escalation.PaymentPlans.Plan p = plans.agree(id, withInterest, instalments, viewer.name());
            return Flash.done(redirect, "분할납부 약정을 등록했습니다: " + p.instalments().size() + "회, 합계 "
                    + kr.fm.arrears.shared.Won.format(p.total()) + ". 약정 중에는 독촉이 나가지 않습니다.", to);
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }

    /** The filled rows of the form, in order; a row's field that cannot be read is named as the API names it. */
    private static List<kr.fm.arrears.escalation.PaymentPlans.InstalmentInput> instalments(List<String> dates, List<String> amounts) {
        List<kr.fm.arrears.escalation.PaymentPlans.InstalmentInput> rows = new java.util.ArrayList<>();
        List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
        int n = Math.max(dates == null ? 0 : dates.size(), amounts == null ? 0 : amounts.size());
        for (int i = 0; i < n; i++) {
            String d = dates != null && i < dates.size() ? dates.get(i).strip() : "";
            String a = amounts != null && i < amounts.size() ? amounts.get(i).replace(",", "").replace("원", "").strip() : "";
            if (d.isEmpty() && a.isEmpty()) {
                continue;
            }
            String at = "instalments[" + rows.size() + "].";
            LocalDate date = null;
            Long won = null;
            try {
                date = d.isEmpty() ? null : LocalDate.parse(d);
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new InvalidInput.FieldError(at + "dueDate", d, "날짜(예: 2026-04-20)여야 합니다"));
            }
            try {
                won = a.isEmpty() ? null : Long.valueOf(a);
            } catch (NumberFormatException e) {
                errors.add(new InvalidInput.FieldError(at + "amount", a, "원 단위 숫자여야 합니다"));
            }
            rows.add(new kr.fm.arrears.escalation.PaymentPlans.InstalmentInput(date, won));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return rows;
    }

    @PostMapping("/cases/{id}/resume")
    String resume(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        String to = "/cases/" + id;
        board.visibleCase(viewer, id);
        try {
            cases.resume(id, viewer.name());
            return Flash.done(redirect, "다시 진행합니다. 다음 정기 실행부터 단계가 적용됩니다.", to);
        } catch (Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }
}
