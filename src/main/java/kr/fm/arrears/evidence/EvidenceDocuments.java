package kr.fm.arrears.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.history.HistoryEntry;
import kr.fm.arrears.history.Labels;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.messaging.Message;
import kr.fm.arrears.notice.CertifiedNotice;
import kr.fm.arrears.notice.PdfDocuments;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Won;
import kr.fm.arrears.templates.Templates;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The pack's documents from templates people can edit: {@code templates/evidence/} (cover sheet,
 * ledger statement) and {@code templates/notices/payment-order.*} (the draft 지급명령 신청서, as a
 * PDF and as plain text in the e-filing form's sections), rendered like the notices.
 */
@Component
@RequiredArgsConstructor
class EvidenceDocuments {

    static final String COVER = "evidence/cover.ftlh";
    static final String STATEMENT = "evidence/statement.ftlh";
    static final String ORDER_PDF = "notices/payment-order.ftlh";
    static final String ORDER_TEXT = "notices/payment-order.txt.ftl";

    private final Templates templates;
    private final PdfDocuments pdf;

    /** One line of the cover sheet's timeline. */
    record Line(LocalDate date, String type, String what, String detail) {}

    /** One line of the ledger statement: a charge, a payment (or its reversal) or a charge's late interest. */
    record Entry(LocalDate date, String type, String what, long charged, long paid, String note) {}

    byte[] cover(CaseFile f) {
        Map<String, Object> m = parties(f);
        Cases.CaseView c = f.kase();
        m.put("stage", Labels.stage(c.stage() == null ? null : c.stage().name()));
        m.put("openedOn", c.openedOn());
        m.put("closedOn", c.closedOn());
        m.put("paused", c.paused() ? "보류 중 (" + c.pausedUntil() + "까지, " + c.pauseReason() + ")" : "");
        m.put("timeline", timeline(f).stream().map(l -> Map.of("date", Won.date(l.date()), "type", l.type(), "what", l.what(),
                "detail", l.detail())).toList());
        return pdf.render(templates.render(COVER, m));
    }

    byte[] statement(CaseFile f) {
        Map<String, Object> m = parties(f);
        List<Entry> entries = new ArrayList<>();
        for (LedgerViews.ChargeView ch : f.charges()) {
            entries.add(new Entry(ch.dueDate(), "청구", ch.kind().korean() + " " + ch.period(), ch.cancelled() ? 0 : ch.total(), 0,
                    (ch.cancelled() ? "취소됨 (" + ch.cancelReason() + ") · " : "") + "공급가 " + Won.format(ch.amount()) + ", 부가세 "
                            + Won.format(ch.vat())));
        }
        for (LedgerViews.PaymentView p : f.payments()) {
            entries.add(new Entry(p.paidOn(), p.reversed() ? "입금 취소" : "입금", p.payerName() == null ? "입금" : p.payerName(), 0,
                    p.reversed() ? 0 : p.amount(), p.bankReference() + (p.reversed() ? " · 취소 사유: " + p.reversalReason()
                            + " (원래 " + Won.format(p.amount()) + ")" : "") + (p.rebookedFrom() == null ? "" : " · 다른 계약에서 옮김")));
        }
        entries.sort(Comparator.comparing(Entry::date));
        LeaseArrears a = f.arrears();
        m.put("entries", entries.stream().map(e -> Map.of("date", Won.date(e.date()), "type", e.type(), "what", e.what(),
                "charged", e.charged(), "paid", e.paid(), "note", e.note())).toList());
        m.put("interest", a.charges().stream().map(l -> Map.of("period", l.period().getYear() + "년 " + l.period().getMonthValue() + "월",
                "item", l.kind().korean(), "dueDate", Won.date(l.dueDate()), "total", l.total(), "paid", l.paid(),
                "outstanding", l.outstanding(), "days", l.daysOverdue(), "lateInterest", l.lateInterest())).toList());
        m.put("charged", entries.stream().mapToLong(Entry::charged).sum());
        m.put("received", entries.stream().mapToLong(Entry::paid).sum());
        m.put("overdueBalance", a.overdueBalance());
        m.put("lateInterest", a.lateInterest());
        m.put("credit", a.credit());
        m.put("total", a.overdueBalance() + a.lateInterest());
        m.put("rate", PaymentOrder.percent(f.terms().annualRate()));
        return pdf.render(templates.render(STATEMENT, m));
    }

    byte[] paymentOrderPdf(CaseFile f, PaymentOrder order) {
        return pdf.render(templates.render(ORDER_PDF, order(f, order)));
    }

    String paymentOrderText(CaseFile f, PaymentOrder order) {
        return templates.render(ORDER_TEXT, order(f, order));
    }

    private Map<String, Object> order(CaseFile f, PaymentOrder order) {
        Map<String, Object> m = parties(f);
        m.put("order", Map.of("principal", order.principal(), "settledInterest", order.settledInterest(),
                "claimValue", order.claimValue(), "interestToDate", order.interestToDate(), "ratePercent", order.ratePercent()));
        m.put("purport", order.purport());
        m.put("claims", order.claims().stream().map(c -> Map.of("items", c.items(), "amount", c.amount(),
                "dueDate", PaymentOrder.courtDate(c.dueDate()), "from", PaymentOrder.courtDate(c.interestFrom()))).toList());
        CourtFees.Estimate fees = order.fees();
        m.put("fees", Map.of("stamp", fees.stamp(), "serviceFee", fees.serviceFee(), "parties", fees.parties(), "rounds", fees.rounds(),
                "feePerRound", fees.feePerRound()));
        m.put("feeTotal", order.fees().total());
        m.put("causes", causes(f, order));
        m.put("exhibits", exhibits(f));
        return m;
    }

    /** 청구원인 in plain sentences, from the lease and the ledger. */
    private static List<String> causes(CaseFile f, PaymentOrder order) {
        LedgerViews.LeaseSummary l = f.lease();
        List<String> s = new ArrayList<>();
        s.add("채권자는 채무자와 " + f.building().name() + " " + l.units() + "호(" + f.building().address() + ")에 관하여 임대차기간 "
                + Won.date(l.startDate()) + "부터 " + Won.date(l.endDate()) + "까지, 임대차보증금 " + Won.format(l.deposit()) + ", 월 차임 "
                + Won.format(l.monthlyRent()) + ", 월 관리비 " + Won.format(l.managementFee()) + (l.vatApplies() ? "(각 부가가치세 별도)" : "")
                + ", 지급일 매월 " + l.dueDay() + "일로 정하여 임대차계약을 체결하였습니다(갑 제1호증).");
        if (!order.claims().isEmpty()) {
            String first = month(order.claims().get(0).dueDate());
            String last = month(order.claims().get(order.claims().size() - 1).dueDate());
            s.add("그런데 채무자는 " + (first.equals(last) ? first : first + "부터 " + last + "까지") + "의 차임 등 합계 " + Won.format(order.principal()) + "을 지급기일이 지나도록 지급하지 않았습니다("
                    + Won.date(order.asOf()) + " 현재, 원장 명세서).");
        }
        if (order.settledInterest() > 0) {
            s.add("또한 채무자가 지급기일이 지난 뒤에 낸 차임 등에 대하여 그 지급일까지 발생한 지연손해금 " + Won.format(order.settledInterest())
                    + "도 지급하지 않았습니다.");
        }
        for (HistoryEntry e : posted(f)) {
            HistoryEntry.Dispatch d = e.dispatches().get(e.dispatches().size() - 1);
            s.add("채권자는 " + (d.postedOn() == null ? "" : Won.date(d.postedOn()) + " ") + "내용증명우편(문서번호 " + e.documentNo() + ")으로 채무자에게 "
                    + (e.description().contains("해지") ? "임대차계약의 해지를 통지" : "미납 차임 등의 지급을 최고") + "하였으나"
                    + ("DELIVERED".equals(d.outcome()) ? "(" + Won.date(d.outcomeOn()) + " 도달)" : "")
                    + ", 채무자는 현재까지 이를 지급하지 않고 있습니다.");
        }
        s.add("지연손해금은 " + order.rateBasis() + "인 연 " + order.ratePercent() + "%의 비율로, 각 차임 등의 지급기일 다음 날부터 다 갚는 날까지 "
                + "계산합니다(" + Won.date(order.asOf()) + "까지 발생한 지연손해금은 " + Won.format(order.interestToDate()) + ").");
        s.add("따라서 채무자는 채권자에게 청구취지 기재 금액을 지급할 의무가 있으므로 이 신청에 이르렀습니다.");
        return s;
    }

    /**
     * The notices that went to the post office: only a letter sent is a 최고 and evidence of it. An
     * approved notice not yet posted is in the ZIP, but neither in 청구원인 nor in 입증방법.
     */
    private static List<HistoryEntry> posted(CaseFile f) {
        return f.filed().stream().filter(e -> !e.dispatches().isEmpty()).toList();
    }

    /** "2026년 4월분", the month a charge due on that date is for. */
    private static String month(LocalDate due) {
        return due.getYear() + "년 " + due.getMonthValue() + "월분";
    }

    /** 입증방법: the lease first, then each notice and its proofs, then the statement. */
    private static List<String> exhibits(CaseFile f) {
        List<String> list = new ArrayList<>();
        list.add("임대차계약서 (사본, 별도 첨부)");
        for (HistoryEntry e : posted(f)) {
            list.add(e.description() + " (문서번호 " + e.documentNo() + " · " + e.dispatches().get(e.dispatches().size() - 1).label() + ")");
        }
        list.add("임대료 원장 명세서 (" + Won.date(f.asOf()) + " 현재)");
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            numbered.add("갑 제" + (i + 1) + "호증 " + list.get(i));
        }
        return numbered;
    }

    private static List<Line> timeline(CaseFile f) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(f.kase().openedOn(), "연체", "연체 건 개시", ""));
        f.kase().history().forEach(s -> lines.add(new Line(s.businessDate(), "단계", Labels.stage(s.stage().name()),
                "REACHED".equals(s.status()) ? "도달" : "건너뜀 (더 높은 단계와 같은 날)")));
        for (Message m : f.messages()) {
            Instant at = m.sentAt() != null ? m.sentAt() : m.createdAt();
            lines.add(new Line(at.atZone(BusinessTime.SEOUL).toLocalDate(), "독촉·안내",
                    Labels.stage(m.stage()) + " · " + Labels.channel(m.channel()),
                    Labels.status(HistoryEntry.REMINDER, m.state().name(), m.cancelReason() == null ? null : m.cancelReason().name(),
                            m.sentInDemo())));
        }
        for (CertifiedNotice n : f.notices()) {
            lines.add(new Line(n.draftedOn(), "내용증명", Labels.noticeKind(n.kind().name()) + " 작성", Labels.status(HistoryEntry.NOTICE,
                    n.status().name())));
            if (n.decidedAt() != null && EvidencePack.approved(n)) {
                lines.add(new Line(n.decidedAt().atZone(BusinessTime.SEOUL).toLocalDate(), "내용증명", Labels.noticeKind(n.kind().name())
                        + " 승인", "승인자 " + n.decidedBy()));
            }
        }
        for (HistoryEntry e : f.filed()) {
            for (HistoryEntry.Dispatch d : e.dispatches()) {
                lines.add(new Line(d.postedOn(), "우편", "발송 " + e.documentNo(), d.label()));
                if (d.outcomeOn() != null) {
                    lines.add(new Line(d.outcomeOn(), "우편", ("DELIVERED".equals(d.outcome()) ? "배달 완료 " : "반송 ") + e.documentNo(),
                            java.util.Objects.toString(d.outcomeDetail(), "")));
                }
            }
        }
        f.payments().forEach(p -> lines.add(new Line(p.paidOn(), "입금", Won.format(p.amount()) + (p.reversed() ? " (취소됨)" : ""),
                java.util.Objects.toString(p.payerName(), ""))));
        if (f.kase().closedOn() != null) {
            lines.add(new Line(f.kase().closedOn(), "연체", "연체 건 종결", ""));
        }
        lines.removeIf(l -> l.date() == null || l.date().isAfter(f.today()));
        lines.sort(Comparator.comparing(Line::date));
        return lines;
    }

    /** A party as a court form prints it: 220-81-62517, 031-355-1200; what is unknown is left out. */
    private static Map<String, Object> party(String name, String businessNo, String address, String phone, String representative) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        if (businessNo != null) {
            p.put("businessNo", kr.fm.arrears.shared.BusinessNumber.display(businessNo));
        }
        if (address != null) {
            p.put("address", address);
        }
        if (phone != null) {
            p.put("phone", phone(phone));
        }
        if (representative != null) {
            p.put("representative", representative);
        }
        return p;
    }

    /** "+82313551200" → "031-355-1200", "+8225550123" → "02-555-0123", "+821023456789" → "010-2345-6789". */
    static String phone(String e164) {
        String d = e164.startsWith("+82") ? "0" + e164.substring(3) : e164;
        if (!d.matches("0\\d{8,10}")) {
            return d;
        }
        int area = d.startsWith("02") ? 2 : 3;
        return d.substring(0, area) + "-" + d.substring(area, d.length() - 4) + "-" + d.substring(d.length() - 4);
    }

    private static Map<String, Object> parties(CaseFile f) {
        Map<String, Object> m = new HashMap<>();
        LedgerViews.Landlord l = f.landlord();
        LedgerViews.Tenant t = f.tenant();
        m.put("landlord", party(l.name(), l.businessNo(), l.address(), l.phone(), null));
        m.put("tenant", party(t.name(), t.businessNo(), t.address(), t.phone(), t.representative()));
        m.put("building", f.building());
        m.put("lease", f.lease());
        m.put("asOf", f.asOf());
        m.put("today", f.today());
        m.put("caseId", f.kase().id());
        return m;
    }
}
