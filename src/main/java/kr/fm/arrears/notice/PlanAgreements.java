package kr.fm.arrears.notice;

import java.util.HashMap;
import java.util.Map;
import kr.fm.arrears.escalation.PaymentPlans;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.notice.internal.PdfRenderer;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.templates.Templates;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The 분할납부 약정서 of a payment plan ({@code templates/notices/payment-plan.ftlh}): the parties, the lease,
 * the overdue balance, the schedule, what happens on default and the two signature areas, rendered with the
 * notices' renderer and font. Made from the plan as stored, so printing it twice gives the same letter;
 * each download is audited.
 */
@Component
@RequiredArgsConstructor
public class PlanAgreements {

    static final String TEMPLATE = "notices/payment-plan.ftlh";

    private final PaymentPlans plans;
    private final LedgerViews views;
    private final Templates templates;
    private final PdfRenderer pdf;
    private final ApplicationEventPublisher events;

    /** The plan's agreement as XHTML; a LANDLORD gets only their own cases' (another's: not found). */
    public String xhtml(Viewer viewer, long caseId, long planId) {
        PaymentPlans.Plan plan = plans.find(viewer, caseId, planId);
        LedgerViews.LeaseSummary lease = views.lease(Viewer.SYSTEM, plan.leaseId()).orElseThrow(() -> new NotFound("plan", planId));
        LedgerViews.Landlord landlord = views.landlord(Viewer.SYSTEM, lease.landlordId()).orElseThrow();
        LedgerViews.Tenant tenant = views.tenant(Viewer.SYSTEM, lease.tenantId()).orElseThrow();
        Map<String, Object> m = new HashMap<>();
        m.put("plan", plan);
        m.put("lease", lease);
        m.put("landlord", landlord);
        m.put("tenant", tenant);
        m.put("landlordBusinessNo", landlord.businessNo() == null ? "—" : kr.fm.arrears.shared.BusinessNumber.display(landlord.businessNo()));
        m.put("tenantBusinessNo", tenant.businessNo() == null ? "—" : kr.fm.arrears.shared.BusinessNumber.display(tenant.businessNo()));
        // a lease's 가상계좌 tells whose payment it is, as in the reminders
        m.put("account", lease.virtualAccount() != null ? lease.virtualAccount() : landlord.bankAccount() == null ? "" : landlord.bankAccount());
        return templates.render(TEMPLATE, m);
    }

    /** The PDF, audited as a download by {@code viewer} (the audit row is appended after the render). */
    @org.springframework.transaction.annotation.Transactional
    public byte[] pdf(Viewer viewer, long caseId, long planId) {
        byte[] bytes = pdf.render(xhtml(viewer, caseId, planId));
        PaymentPlans.Plan plan = plans.find(viewer, caseId, planId);
        events.publishEvent(new PlanAgreementDownloaded(viewer.name(), planId, caseId, plan.leaseId(), Sha256.hex(bytes)));
        return bytes;
    }
}
