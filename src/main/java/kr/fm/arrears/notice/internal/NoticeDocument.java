package kr.fm.arrears.notice.internal;

import kr.fm.arrears.shared.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseTerms;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.notice.NoticeContent;
import kr.fm.arrears.notice.NoticeKind;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Sha256;
import kr.fm.arrears.templates.Company;
import kr.fm.arrears.templates.Templates;
import org.springframework.stereotype.Component;

/**
 * Fills a notice template from the ledger (parties, lease, every overdue charge with its late
 * interest on the document date) and turns it into a PDF.
 */
@Component
public class NoticeDocument {

    private static final String CODE_SLOT = "@@VERIFICATION_CODE@@";

    private final Templates templates;
    private final LedgerViews views;
    private final Ledger ledger;
    private final Company company;
    private final PdfRenderer pdf;

    public NoticeDocument(Templates templates, LedgerViews views, Ledger ledger, Company company, PdfRenderer pdf) {
        this.templates = templates;
        this.views = views;
        this.ledger = ledger;
        this.company = company;
        this.pdf = pdf;
    }

    /** The approved PDF, its SHA-256 (what verification compares) and the code printed in it. */
    public record Sealed(byte[] pdf, String sha256, String verificationCode) {}

    /** What a notice states, read from the ledger on the document date. */
    public record Facts(LedgerViews.LeaseSummary lease, LedgerViews.Landlord landlord, LedgerViews.Tenant tenant,
            LedgerViews.Building building, LeaseTerms terms, LeaseArrears arrears) {}

    public Facts facts(long leaseId, LocalDate date) {
        LedgerViews.LeaseSummary lease = views.lease(Viewer.SYSTEM, leaseId).orElseThrow(() -> new NotFound("lease", leaseId));
        return new Facts(lease, views.landlord(Viewer.SYSTEM, lease.landlordId()).orElseThrow(), views.tenant(Viewer.SYSTEM, lease.tenantId()).orElseThrow(),
                views.building(Viewer.SYSTEM, lease.buildingId()).orElseThrow(), ledger.terms(List.of(leaseId), date).get(leaseId),
                ledger.arrears(leaseId, date).orElseThrow());
    }

    /** A draft's page: no document number yet, a DRAFT watermark. */
    public String draftPage(long leaseId, NoticeKind kind, NoticeContent content, LocalDate date) {
        return xhtml(facts(leaseId, date), kind, content, date, null, null, true);
    }

    /** Where a browser finds the screen layout of a notice page (an A4 sheet, the embedded font). */
    public static final String SCREEN_STYLESHEET = "/css/notice-sheet.css";

    /**
     * A notice page as a browser shows it: unchanged but for a screen-only stylesheet, so what is
     * read on screen is what the PDF prints.
     */
    public static String onScreen(String xhtml) {
        return xhtml.replace("</head>", "<link rel=\"stylesheet\" media=\"screen\" href=\"" + SCREEN_STYLESHEET + "\"/>\n</head>");
    }

    /** The PDF of a page made by {@link #xhtml}. */
    public byte[] render(String xhtml) {
        return pdf.render(xhtml);
    }

    /**
     * The final PDF. The verification code comes from the SHA-256 of the approved content (the page
     * with an empty code slot), so it can be printed in the document it identifies.
     */
    public Sealed seal(long leaseId, NoticeKind kind, NoticeContent content, LocalDate date, String documentNo) {
        String page = xhtml(facts(leaseId, date), kind, content, date, documentNo, CODE_SLOT, false);
        String code = verificationCode(Sha256.hex(page.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = pdf.render(page.replace(CODE_SLOT, code));
        return new Sealed(bytes, Sha256.hex(bytes), code);
    }

    /** "a1b2c3d4e5f6…" → "A1B2-C3D4-E5F6": short enough to read out on the phone. */
    static String verificationCode(String sha256) {
        String head = sha256.substring(0, 12).toUpperCase();
        return head.substring(0, 4) + "-" + head.substring(4, 8) + "-" + head.substring(8, 12);
    }

    /** The filled-in template (XHTML): a pure function of the facts and the content. */
    public String xhtml(Facts facts, NoticeKind kind, NoticeContent content, LocalDate date, String documentNo,
            String verificationCode, boolean draft) {
        return templates.render(kind.template(), model(facts, content, date, documentNo, verificationCode, draft));
    }

    private Map<String, Object> model(Facts facts, NoticeContent content, LocalDate date, String documentNo,
            String verificationCode, boolean draft) {
        LedgerViews.LeaseSummary lease = facts.lease();
        LedgerViews.Landlord landlord = facts.landlord();
        LedgerViews.Tenant tenant = facts.tenant();
        LedgerViews.Building building = facts.building();
        LeaseTerms terms = facts.terms();
        LeaseArrears arrears = facts.arrears();

        Map<String, Object> m = new HashMap<>();
        m.put("draft", draft);
        putIfSet(m, "documentNo", documentNo);
        putIfSet(m, "verificationCode", verificationCode);
        m.put("subject", content.subject());
        putIfSet(m, "body", content.body());
        putIfSet(m, "consequences", content.consequences());
        m.put("documentDate", date);
        m.put("asOf", date);
        // counted from receipt, not a date: the approved PDF may be posted days later, and is delivered later still
        m.put("deadlineDays", content.deadlineDays());
        m.put("sender", party(landlord.name(), landlord.businessNo() == null ? null : display(landlord.businessNo()),
                landlord.address(), null));
        if (agent()) {
            m.put("agent", party(company.name().strip(), null, company.address(), null));
        }
        m.put("recipient", party(tenant.name(), display(tenant.businessNo()), tenant.address(), tenant.representative()));
        Map<String, Object> l = new HashMap<>();
        l.put("code", lease.code());
        l.put("buildingName", lease.buildingName());
        putIfSet(l, "buildingAddress", building.address());
        l.put("units", lease.units());
        l.put("startDate", lease.startDate());
        l.put("endDate", lease.endDate());
        l.put("monthlyRent", lease.monthlyRent());
        l.put("managementFee", lease.managementFee());
        l.put("deposit", lease.deposit());
        m.put("lease", l);
        Map<String, Object> bank = new HashMap<>();
        putIfSet(bank, "name", landlord.bankName());
        putIfSet(bank, "account", lease.virtualAccount() != null ? lease.virtualAccount() : landlord.bankAccount());
        putIfSet(bank, "holder", landlord.accountHolder());
        m.put("bank", bank);

        long amount = 0, paid = 0;
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (LeaseArrears.ChargeLine c : arrears.charges()) {
            boolean paidUp = c.outstanding() == 0;
            if (paidUp && c.lateInterest() == 0) {
                continue; // nothing to demand on it
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("period", c.period().getYear() + "년 " + c.period().getMonthValue() + "월");
            r.put("item", c.kind().korean());
            r.put("amount", c.total());
            r.put("paid", c.paid());
            r.put("outstanding", c.outstanding());
            r.put("daysOverdue", c.daysOverdue());
            r.put("lateInterest", c.lateInterest());
            // paid late: only its interest is still owed, and the line says so
            r.put("paidUp", paidUp);
            rows.add(r);
            amount += c.total();
            paid += c.paid();
        }
        m.put("rows", rows);
        m.put("totals", Map.of("amount", amount, "paid", paid, "outstanding", arrears.overdueBalance(),
                "lateInterest", arrears.lateInterest(), "due", arrears.overdueBalance() + arrears.lateInterest()));
        m.put("rate", terms.annualRate().movePointRight(2).stripTrailingZeros().toPlainString());
        // 2기 차임액 — 민법 제640조; 3기 under 상가건물 임대차보호법 제10조의8
        m.put("article", terms.commercialAct() ? "상가건물 임대차보호법 제10조의8" : "민법 제640조");
        m.put("thresholdMonths", terms.terminationMonths());
        m.put("overdueRent", arrears.overdueRent());
        m.put("monthlyRentDue", terms.monthlyRentDue());
        // "7개월분", "2.5개월분": no trailing zeros in a letter
        m.put("arrearsMonths", Templates.months(arrears.arrearsMonths()));
        return m;
    }

    /** Sender and recipient as the postal gateway wants them: name, then address. */
    public record Addresses(String sender, String recipient) {}

    public Addresses addresses(long leaseId) {
        LedgerViews.LeaseSummary lease = views.lease(Viewer.SYSTEM, leaseId).orElseThrow(() -> new NotFound("lease", leaseId));
        LedgerViews.Landlord landlord = views.landlord(Viewer.SYSTEM, lease.landlordId()).orElseThrow();
        LedgerViews.Tenant tenant = views.tenant(Viewer.SYSTEM, lease.tenantId()).orElseThrow();
        String agent = agent() ? " (대리인 " + company.name().strip() + ")" : "";
        return new Addresses(landlord.name() + agent + ", " + landlord.address(),
                tenant.name() + " 대표자 " + tenant.representative() + ", " + tenant.address());
    }

    /** The management company signs as the landlord's agent when it is named and so authorised. */
    private boolean agent() {
        return company.agent() && company.name() != null && !company.name().isBlank();
    }

    private static Map<String, Object> party(String name, String businessNo, String address, String representative) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        putIfSet(p, "businessNo", businessNo);
        putIfSet(p, "address", address);
        putIfSet(p, "representative", representative);
        return p;
    }

    private static String display(String businessNo) {
        return kr.fm.arrears.shared.BusinessNumber.display(businessNo);
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
