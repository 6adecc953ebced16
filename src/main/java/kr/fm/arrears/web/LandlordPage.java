package kr.fm.arrears.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.Corrections;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.messaging.MessageHistory;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A landlord's page: who they are, the account tenants pay into, and the reminders HELD because there is
 * none. Staff set or correct the account here (POST is refused to a LANDLORD); saving it releases the held
 * reminders, which are looked at again (paid meanwhile: cancelled) and sent showing the account.
 */
@Controller
@RequiredArgsConstructor
class LandlordPage {

    /** A lease with reminders waiting for the account. */
    public record Held(long leaseId, String leaseCode, String tenantName, String buildingName, int messages) {}

    private final LedgerViews views;
    private final Ledger ledger;
    private final Corrections corrections;
    private final MessageHistory messages;

    @GetMapping("/landlords/{id}")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        LedgerViews.Landlord landlord = views.landlord(viewer, id).orElseThrow(() -> new NotFound("landlord", id));
        model.addAttribute("landlord", landlord);
        List<Held> held = held(viewer, id);
        model.addAttribute("held", held);
        model.addAttribute("heldMessages", held.stream().mapToInt(Held::messages).sum());
        return "landlord";
    }

    @PostMapping("/landlords/{id}/bank-account")
    String bankAccount(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String bankName,
            @RequestParam(required = false) String bankAccount, @RequestParam(required = false) String accountHolder,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String to = "/landlords/" + id;
        int before = held(viewer, id).stream().mapToInt(Held::messages).sum();
        try {
            corrections.landlordBankAccount(viewer, id, new Corrections.BankAccount(bankName, bankAccount, accountHolder), reason);
        } catch (InvalidInput e) {
            return Flash.refused(redirect, e, to);
        }
        return Flash.done(redirect, "입금 계좌를 저장했습니다." + (before == 0 ? ""
                : " 보류된 안내 " + before + "건은 다시 확인해 보냅니다 (그사이 납부된 건은 취소)."), to);
    }

    private List<Held> held(Viewer viewer, long landlordId) {
        Map<Long, Integer> byLease = messages.held(ledger.scope(viewer, landlordId, null));
        if (byLease.isEmpty()) {
            return List.of();
        }
        return views.leases(viewer, List.copyOf(byLease.keySet())).stream()
                .map(l -> new Held(l.leaseId(), l.code(), l.tenantName(), l.buildingName(), byLease.get(l.leaseId())))
                .sorted(Comparator.comparing(Held::leaseCode)).toList();
    }
}
