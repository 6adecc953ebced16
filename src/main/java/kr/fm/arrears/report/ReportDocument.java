package kr.fm.arrears.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import kr.fm.arrears.notice.PdfDocuments;
import kr.fm.arrears.templates.Templates;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** A {@link MonthlyReport} as the page {@code templates/reports/monthly.ftlh} lays it out, and its PDF. */
@Component
@RequiredArgsConstructor
class ReportDocument {

    static final String TEMPLATE = "reports/monthly.ftlh";

    private final Templates templates;
    private final PdfDocuments pdf;

    String xhtml(MonthlyReport r, LocalDate generatedOn) {
        Map<String, Object> m = new HashMap<>();
        m.put("landlordName", r.landlordName());
        m.put("monthLabel", label(r));
        m.put("first", r.month().atDay(1));
        m.put("asOf", r.asOf());
        m.put("generatedOn", generatedOn);
        m.put("reminders", r.reminders());
        m.put("remindersSent", r.remindersSent());
        m.put("remindersDelivered", r.reminders().stream().mapToLong(MonthlyReport.StageCount::delivered).sum());
        m.put("noticesDispatched", r.noticesDispatched());
        m.put("noticesDelivered", r.noticesDelivered());
        m.put("casesOpened", r.casesOpened());
        m.put("casesResolved", r.casesResolved());
        m.put("plans", r.plans());
        m.put("collected", r.collected());
        m.put("collectedAfterReminder", r.collectedAfterReminder());
        m.put("collectedAfterNotice", r.collectedAfterNotice());
        m.put("open", r.open());
        m.put("totalOpen", r.totalOpen());
        m.put("seriesLabel", label(r.overdueBalance().get(0).month()) + " ~ " + label(r.month()));
        m.put("balanceChart", Charts.balance(r.overdueBalance()));
        m.put("rateChart", Charts.rate(r.collectionRate()));
        return templates.render(TEMPLATE, m);
    }

    byte[] pdf(MonthlyReport r, LocalDate generatedOn) {
        return pdf.render(xhtml(r, generatedOn));
    }

    /** "2026년 4월". */
    static String label(MonthlyReport r) {
        return label(r.month());
    }

    static String label(java.time.YearMonth month) {
        return month.getYear() + "년 " + month.getMonthValue() + "월";
    }
}
