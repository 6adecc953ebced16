package kr.fm.arrears.web;

import kr.fm.arrears.shared.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.notice.CertifiedNotice;
import kr.fm.arrears.notice.NoticeKind;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.history.NoticeHistory;
import kr.fm.arrears.report.Charts;
import kr.fm.arrears.report.OwnerReports;
import kr.fm.arrears.shared.BusinessTime;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landlord's first page: what the service did for them this month (the service works when
 * nobody hears of it, so it says so), the open arrears at a glance, the monthly report's two charts
 * and the reports kept for them.
 */
@Controller
@RequiredArgsConstructor
class PortalPage {

    private final NoticeHistory history;
    private final Board board;
    private final Clock clock;
    private final kr.fm.arrears.notice.NoticeWorkflow notices;
    private final LedgerViews views;
    private final OwnerReports reports;
    private final RememberedParts parts;

    /** What the home's remembered part shows besides the database's rows. */
    private record HomeKey(Long landlordId, LocalDate today) {}

    /** A termination notice waiting for the landlord's consent, with the lease it would end. */
    public record AwaitingConsent(long noticeId, String leaseCode, String tenantName, String status) {}

    /** The first page after sign-in: staff go to the arrears board, a landlord stays here. */
    @GetMapping("/")
    String home(Viewer viewer, Model model) {
        if (viewer.ownLandlord().isEmpty()) {
            return "redirect:/board";
        }
        model.addAttribute("awaitingConsent", awaitingConsent(viewer));
        LocalDate today = BusinessTime.today(clock);
        // the rest comes from the database, the landlord and the day
        RememberedParts.Part part = parts.part(new HomeKey(viewer.landlordId(), today));
        model.addAttribute("homePart", part);
        if (part.known()) {
            return "portal";
        }
        YearMonth month = YearMonth.from(today);
        model.addAttribute("summary", history.summary(viewer, month));
        // the open arrears and each tenant's deposit left: no next stages on this page, so none worked out
        model.addAttribute("board", board.open(viewer, Board.Query.firstPage(), false));
        // the monthly report's two charts, the 12 months to the last one ended, drawn here as inline SVG
        OwnerReports.Trends trends = reports.trends(viewer, month.minusMonths(1));
        model.addAttribute("balanceChart", Map.of("title", trends.balance().title(), "svg", Charts.svg(trends.balance(), "#c0392b")));
        model.addAttribute("rateChart", Map.of("title", trends.rate().title(), "svg", Charts.svg(trends.rate(), "#2471a3")));
        model.addAttribute("reports", reports.list(viewer, null));
        return "portal";
    }

    /** The landlord's own notices only (NoticeWorkflow narrows every list to them), their leases read at once. */
    private List<AwaitingConsent> awaitingConsent(Viewer viewer) {
        List<CertifiedNotice> waiting = notices.list(viewer, null, NoticeKind.TERMINATION, null, 50, 0).stream()
                .filter(n -> n.consentBy() == null && (n.status() == NoticeStatus.DRAFT || n.status() == NoticeStatus.PENDING_APPROVAL))
                .toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<Long, LedgerViews.LeaseSummary> leases = views.leases(viewer, waiting.stream().map(CertifiedNotice::leaseId)
                .distinct().toList()).stream().collect(Collectors.toMap(LedgerViews.LeaseSummary::leaseId, l -> l));
        return waiting.stream().filter(n -> leases.containsKey(n.leaseId()))
                .map(n -> new AwaitingConsent(n.id(), leases.get(n.leaseId()).code(), leases.get(n.leaseId()).tenantName(),
                        Labels.status(n.status()))).toList();
    }

    /**
     * One monthly report as a page, where its AlimTalk and e-mail link to ({@code /portal/reports/2026-04}):
     * the month's figures and the two charts, with the kept PDF to download. A landlord sees their own;
     * staff name the landlord ({@code ?landlordId=}). A month without a report is "not found".
     */
    @GetMapping("/portal/reports/{month}")
    String report(Viewer viewer, @org.springframework.web.bind.annotation.PathVariable YearMonth month,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long landlordId, Model model) {
        Long landlord = viewer.ownLandlord().orElse(landlordId);
        OwnerReports.Report kept = landlord == null ? null : reports.list(viewer, landlord).stream()
                .filter(r -> r.month().equals(month)).findFirst().orElse(null);
        if (kept == null) {
            throw new kr.fm.arrears.shared.NotFound("report", month.toString());
        }
        kr.fm.arrears.report.MonthlyReport r = reports.figures(viewer, kept.landlordId(), month);
        model.addAttribute("report", kept);
        model.addAttribute("r", r);
        model.addAttribute("remindersDelivered", r.reminders().stream().mapToLong(kr.fm.arrears.report.MonthlyReport.StageCount::delivered).sum());
        Charts.Chart balance = Charts.balance(r.overdueBalance());
        Charts.Chart rate = Charts.rate(r.collectionRate());
        model.addAttribute("balanceChart", Map.of("title", balance.title(), "svg", Charts.svg(balance, "#c0392b")));
        model.addAttribute("rateChart", Map.of("title", rate.title(), "svg", Charts.svg(rate, "#2471a3")));
        return "report";
    }

    /** The landlord agrees that the termination may be sent (it ends their lease); a MANAGER still approves it. */
    @org.springframework.web.bind.annotation.PostMapping("/portal/notices/{id}/consent")
    String consent(Viewer viewer, @org.springframework.web.bind.annotation.PathVariable long id,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            notices.consent(id, viewer);
            return Flash.done(redirect, "해지 통지서 발송에 동의했습니다. 관리 담당자가 승인하면 우체국에 접수됩니다.", "/");
        } catch (kr.fm.arrears.shared.Conflict e) {
            return Flash.refused(redirect, e, "/");
        }
    }

    /** The landlord refuses, saying why: the notice goes back to the MANAGER and cannot be sent as it is. */
    @org.springframework.web.bind.annotation.PostMapping("/portal/notices/{id}/refusal")
    String refuse(Viewer viewer, @org.springframework.web.bind.annotation.PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String reason,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            notices.refuseConsent(id, reason, viewer);
            return Flash.done(redirect, "해지 통지서 발송에 동의하지 않았습니다. 사유와 함께 관리 담당자에게 돌려보냈습니다.", "/");
        } catch (kr.fm.arrears.shared.Conflict | kr.fm.arrears.shared.InvalidInput e) {
            return Flash.refused(redirect, e, "/");
        }
    }
}
