package kr.fm.arrears.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.notice.CertifiedNotice;
import kr.fm.arrears.notice.NoticeContent;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.notice.NotAllowed;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MANAGER's approval queue: each notice waiting for approval, its preview beside the case
 * facts, and approve / reject with a reason / edit (a new version); drafts and rejected notices are
 * edited and sent for approval here too, approved and returned ones wait here for the post office,
 * and those held back at dispatch are listed with the reason. The workflow enforces the rules (four eyes, landlord's consent).
 */
@Controller
@RequiredArgsConstructor
class ApprovalsPage {

    public record Item(CertifiedNotice notice, String kind, String status, LedgerViews.LeaseSummary lease) {}

    private static final int QUEUE = 200;

    private final NoticeWorkflow notices;
    private final LedgerViews views;
    private final Board board;
    private final PostOfficePage postOffice;

    @GetMapping("/approvals")
    String queue(Viewer viewer, Model model) {
        model.addAttribute("pending", items(viewer, notices.list(viewer, NoticeStatus.PENDING_APPROVAL, null, null, QUEUE, 0)));
        List<CertifiedNotice> held = notices.held(viewer, QUEUE);
        java.util.Set<Long> heldIds = held.stream().map(CertifiedNotice::id).collect(Collectors.toSet());
        List<CertifiedNotice> drafts = new java.util.ArrayList<>(notices.list(viewer, NoticeStatus.DRAFT, null, null, QUEUE, 0));
        notices.list(viewer, NoticeStatus.REJECTED, null, null, QUEUE, 0).stream().filter(n -> !heldIds.contains(n.id()))
                .forEach(drafts::add);
        model.addAttribute("drafts", items(viewer, drafts));
        // what waits for the post office: approved, or returned (post again or redraft); and what was held back
        List<CertifiedNotice> toPost = new java.util.ArrayList<>(notices.list(viewer, NoticeStatus.APPROVED, null, null, QUEUE, 0));
        toPost.addAll(notices.list(viewer, NoticeStatus.RETURNED, null, null, QUEUE, 0));
        model.addAttribute("toPost", items(viewer, toPost));
        model.addAttribute("held", items(viewer, held));
        return "approvals";
    }

    @GetMapping("/approvals/{id}")
    String review(Viewer viewer, @PathVariable long id, Model model) {
        CertifiedNotice n = notices.get(viewer, id);
        Item item = items(viewer, List.of(n)).stream().findFirst().orElseThrow(() -> new NotFound("notice", id));
        Cases.CaseView c = board.visibleCase(viewer, n.caseId());
        model.addAttribute("item", item);
        model.addAttribute("content", notices.content(id));
        model.addAttribute("row", board.row(viewer, c));
        model.addAttribute("versions", notices.versions(id).size());
        model.addAttribute("post", postOffice.view(viewer, id, n.status()));
        return "approval";
    }

    @PostMapping("/approvals/{id}/approve")
    String approve(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            CertifiedNotice n = notices.approve(id, viewer);
            return Flash.done(redirect, "승인했습니다. 문서번호가 부여되었고 PDF는 더 이상 바뀌지 않습니다. (" + n.id() + "번)",
                    "/approvals");
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    @PostMapping("/approvals/{id}/reject")
    String reject(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            notices.reject(id, reason == null ? null : reason.trim(), viewer);
            return Flash.done(redirect, "반려했습니다. 사유가 기록되었습니다.", "/approvals");
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    /**
     * Blank fields keep their wording; the edit is a new version. A draft or rejected notice goes
     * back to DRAFT, one waiting for approval keeps waiting (for another MANAGER).
     */
    @PostMapping("/approvals/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body, @RequestParam(required = false) String consequences,
            @RequestParam(required = false) Integer deadlineDays, RedirectAttributes redirect) {
        try {
            // the limits are the notice's own (NoticeContent#check), the same as the API's
            CertifiedNotice n = notices.edit(id, new NoticeContent(blankToNull(subject), blankToNull(body),
                    blankToNull(consequences), deadlineDays == null ? 0 : deadlineDays), viewer);
            String next = n.status() == NoticeStatus.PENDING_APPROVAL ? "승인 대기 중이며 다른 담당자가 승인합니다."
                    : "승인 요청 후 다른 담당자가 승인합니다.";
            return Flash.done(redirect, "수정본(버전 " + n.version() + ")을 저장했습니다. " + next, "/approvals/" + id);
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    @PostMapping("/approvals/{id}/submit")
    String submit(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            notices.submit(id, viewer);
            return Flash.done(redirect, "승인 요청했습니다.", "/approvals/" + id);
        } catch (Conflict | NotAllowed | InvalidInput e) {
            return Flash.refused(redirect, e, "/approvals/" + id);
        }
    }

    private List<Item> items(Viewer viewer, List<CertifiedNotice> list) {
        Map<Long, LedgerViews.LeaseSummary> leases = views.leases(viewer, list.stream().map(CertifiedNotice::leaseId).distinct().toList())
                .stream().collect(Collectors.toMap(LedgerViews.LeaseSummary::leaseId, Function.identity()));
        return list.stream().filter(n -> leases.containsKey(n.leaseId()))
                .map(n -> new Item(n, Labels.notice(n.kind()), Labels.status(n.status()), leases.get(n.leaseId()))).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
