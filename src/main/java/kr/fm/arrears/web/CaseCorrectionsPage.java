package kr.fm.arrears.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import kr.fm.arrears.bank.PayerAliases;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.ledger.Corrections;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.Payments;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's corrections (staff only, POST /cases/** is refused to a LANDLORD): the lease's charges and
 * payments with cancel, reverse and re-book, its terms from a month on, an early end, the deposit, the
 * tenant's contacts and payer aliases. Every form needs a reason; what it refuses changes nothing.
 */
@Controller
@RequiredArgsConstructor
class CaseCorrectionsPage {

    private final Board board;
    private final Corrections corrections;
    private final Payments payments;
    private final PayerAliases aliases;
    private final LedgerViews views;

    /** What the case page shows staff to correct. */
    void addTo(Model model, Viewer viewer, Cases.CaseView c) {
        LedgerViews.LeaseSummary lease = views.lease(viewer, c.leaseId()).orElseThrow(() -> new NotFound("case", c.id()));
        model.addAttribute("lease", lease);
        model.addAttribute("tenant", views.tenant(viewer, lease.tenantId()).orElseThrow());
        model.addAttribute("charges", views.charges(c.leaseId()));
        model.addAttribute("payments", views.payments(c.leaseId()));
        model.addAttribute("terms", corrections.terms(viewer, c.leaseId()));
        model.addAttribute("aliases", aliases.of(viewer, c.leaseId()));
    }

    @PostMapping("/cases/{id}/charges/{chargeId}/cancel")
    String cancelCharge(Viewer viewer, @PathVariable long id, @PathVariable long chargeId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long lease = lease(viewer, id);
        if (corrections.leaseOfCharge(viewer, chargeId) != lease) {
            throw new NotFound("charge", chargeId);
        }
        return act(redirect, id, "청구를 취소했습니다. 미납액은 취소된 청구 없이 다시 계산됩니다.",
                () -> corrections.cancelCharge(viewer, chargeId, reason));
    }

    @PostMapping("/cases/{id}/payments/{paymentId}/reverse")
    String reverse(Viewer viewer, @PathVariable long id, @PathVariable long paymentId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        payment(viewer, id, paymentId);
        return act(redirect, id, "입금을 취소했습니다.", () -> payments.reverse(viewer, paymentId, reason));
    }

    @PostMapping("/cases/{id}/payments/{paymentId}/rebook")
    String rebook(Viewer viewer, @PathVariable long id, @PathVariable long paymentId,
            @RequestParam(required = false) String leaseCode, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        payment(viewer, id, paymentId);
        return act(redirect, id, "입금을 계약 " + leaseCode + "(으)로 옮겼습니다.", () -> {
            String code = leaseCode == null ? "" : leaseCode.strip();
            long to = views.leaseIdByCode(code).orElseThrow(() -> InvalidInput.of("leaseCode", leaseCode, "없는 계약 코드입니다"));
            payments.rebook(viewer, paymentId, to, reason);
        });
    }

    @PostMapping("/cases/{id}/terms")
    String terms(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String fromMonth,
            @RequestParam(required = false) String monthlyRent, @RequestParam(required = false) String managementFee,
            @RequestParam(required = false) String dueDay, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        long lease = lease(viewer, id);
        return act(redirect, id, fromMonth + "부터 바뀐 조건으로 청구합니다.", () -> corrections.changeTerms(viewer, lease,
                new Corrections.NewTerms(month(fromMonth), number("monthlyRent", monthlyRent), number("managementFee", managementFee),
                        integer(dueDay)), reason));
    }

    @PostMapping("/cases/{id}/move-out")
    String moveOut(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String moveOutOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long lease = lease(viewer, id);
        return act(redirect, id, "계약을 " + moveOutOn + "에 조기 종료했습니다. 그 뒤의 청구는 취소됐습니다.",
                () -> corrections.moveOut(viewer, lease, date(moveOutOn), reason));
    }

    @PostMapping("/cases/{id}/deposit")
    String deposit(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String deposit,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long lease = lease(viewer, id);
        return act(redirect, id, "보증금을 고쳤습니다.", () -> corrections.changeDeposit(viewer, lease, number("deposit", deposit), reason));
    }

    @PostMapping("/cases/{id}/tenant")
    String tenant(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String representative,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
            @RequestParam(required = false) String address, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        long tenant = views.lease(viewer, lease(viewer, id)).orElseThrow().tenantId();
        return act(redirect, id, "임차인 연락처를 고쳤습니다.", () -> corrections.tenantContacts(viewer, tenant,
                new Corrections.Contacts(representative, phone, email, address), reason));
    }

    @PostMapping("/cases/{id}/aliases")
    String addAlias(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String payer,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long lease = lease(viewer, id);
        return act(redirect, id, "입금자명을 추가했습니다.", () -> aliases.add(viewer, lease, payer, reason));
    }

    @PostMapping("/cases/{id}/aliases/remove")
    String removeAlias(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String alias,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long lease = lease(viewer, id);
        return act(redirect, id, "입금자명을 뺐습니다.", () -> aliases.remove(viewer, lease, alias, reason));
    }

    private long lease(Viewer viewer, long caseId) {
        return board.visibleCase(viewer, caseId).leaseId();
    }

    private void payment(Viewer viewer, long caseId, long paymentId) {
        if (payments.leaseOf(viewer, paymentId) != lease(viewer, caseId)) {
            throw new NotFound("payment", paymentId);
        }
    }

    private static String act(RedirectAttributes redirect, long caseId, String done, Runnable correction) {
        String to = "/cases/" + caseId + "#corrections";
        try {
            correction.run();
            return Flash.done(redirect, done, to);
        } catch (InvalidInput | Conflict e) {
            return Flash.refused(redirect, e, to);
        }
    }

    /** A won amount as people type it ("1,200,000"); blank is "leave as it is". */
    private static Long number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, text, "원 단위 숫자로 입력하세요 (예: 1,200,000)");
        }
    }

    private static Integer integer(String text) {
        Long n = number("dueDay", text);
        if (n != null && (n < 1 || n > 31)) {
            throw InvalidInput.of("dueDay", text, "납부일은 1일부터 31일 사이여야 합니다");
        }
        return n == null ? null : n.intValue();
    }

    private static YearMonth month(String text) {
        try {
            return text == null || text.isBlank() ? null : YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("fromMonth", text, "적용할 달을 2026-06처럼 입력하세요");
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("moveOutOn", text, "날짜를 2026-04-30처럼 입력하세요");
        }
    }
}
