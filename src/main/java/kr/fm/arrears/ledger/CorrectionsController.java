package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections for staff (a LANDLORD gets 403 from the API's chain): every one with a reason, nothing
 * deleted, each answered with what the ledger now holds. Unknown or another landlord's ids are 404.
 */
@RestController
@RequestMapping("/api")
@RequiredArgsConstructor
class CorrectionsController {

    record TenantChange(String representative, String phone, String email, String address, String reason) {}

    record TermsChange(YearMonth fromMonth, Long monthlyRent, Long managementFee, Integer dueDay, String reason) {}

    record MoveOut(LocalDate moveOutOn, String reason) {}

    record DepositChange(Long deposit, String reason) {}

    record Reason(String reason) {}

    record BankAccountChange(String bankName, String bankAccount, String accountHolder, String reason) {}

    record Rebook(Long leaseId, String reason) {}

    /** The payment booked by a re-booking, and its new lease's payments. */
    record Rebooked(long paymentId, long leaseId, List<LedgerViews.PaymentView> payments) {}

    private final Corrections corrections;
    private final Payments payments;
    private final LedgerViews views;

    /** The landlord's account to pay into; reminders held for want of one are released. */
    @org.springframework.web.bind.annotation.PutMapping("/landlords/{id}/bank-account")
    LedgerViews.Landlord bankAccount(Viewer viewer, @PathVariable long id, @RequestBody BankAccountChange body) {
        return corrections.landlordBankAccount(viewer, id, new Corrections.BankAccount(body.bankName(), body.bankAccount(),
                body.accountHolder()), body.reason());
    }

    /** Contacts: a field left out stays, an empty one is cleared. */
    @PatchMapping("/tenants/{id}")
    LedgerViews.Tenant tenant(Viewer viewer, @PathVariable long id, @RequestBody TenantChange body) {
        return corrections.tenantContacts(viewer, id, new Corrections.Contacts(body.representative(), body.phone(),
                body.email(), body.address()), body.reason());
    }

    @GetMapping("/leases/{id}/terms")
    List<Corrections.TermsFrom> terms(Viewer viewer, @PathVariable long id) {
        return corrections.terms(viewer, id);
    }

    /** Rent, fee or due day from a month on; answers the lease's terms history. */
    @PostMapping("/leases/{id}/terms")
    List<Corrections.TermsFrom> changeTerms(Viewer viewer, @PathVariable long id, @RequestBody TermsChange body) {
        return corrections.changeTerms(viewer, id, new Corrections.NewTerms(body.fromMonth(), body.monthlyRent(),
                body.managementFee(), body.dueDay()), body.reason());
    }

    @PostMapping("/leases/{id}/move-out")
    LedgerViews.LeaseSummary moveOut(Viewer viewer, @PathVariable long id, @RequestBody MoveOut body) {
        corrections.moveOut(viewer, id, body.moveOutOn(), body.reason());
        return lease(viewer, id);
    }

    @PatchMapping("/leases/{id}/deposit")
    LedgerViews.LeaseSummary deposit(Viewer viewer, @PathVariable long id, @RequestBody DepositChange body) {
        corrections.changeDeposit(viewer, id, body.deposit(), body.reason());
        return lease(viewer, id);
    }

    /** Answers the charges of the lease, the cancelled one listed with its reason. */
    @PostMapping("/charges/{id}/cancel")
    List<LedgerViews.ChargeView> cancelCharge(Viewer viewer, @PathVariable long id, @RequestBody Reason body) {
        corrections.cancelCharge(viewer, id, body.reason());
        return views.charges(corrections.leaseOfCharge(viewer, id));
    }

    /** Answers the payments of the lease, the reversed one listed with its reason. */
    @PostMapping("/payments/{id}/reverse")
    List<LedgerViews.PaymentView> reverse(Viewer viewer, @PathVariable long id, @RequestBody Reason body) {
        payments.reverse(viewer, id, body.reason());
        return views.payments(payments.leaseOf(viewer, id));
    }

    @PostMapping("/payments/{id}/rebook")
    Rebooked rebook(Viewer viewer, @PathVariable long id, @RequestBody Rebook body) {
        long booked = payments.rebook(viewer, id, body.leaseId(), body.reason());
        return new Rebooked(booked, body.leaseId(), views.payments(body.leaseId()));
    }

    private LedgerViews.LeaseSummary lease(Viewer viewer, long id) {
        return views.lease(viewer, id).orElseThrow(() -> new NotFound("lease", id));
    }
}
