package kr.fm.arrears.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.fm.arrears.escalation.CaseSpans;
import kr.fm.arrears.escalation.LeaseRef;
import kr.fm.arrears.escalation.Outlook;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.history.Labels;
import kr.fm.arrears.history.MonthlySummary;
import kr.fm.arrears.history.NoticeHistory;
import kr.fm.arrears.ledger.DepositCoverage;
import kr.fm.arrears.ledger.DepositFlag;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.PaymentTotals;
import kr.fm.arrears.messaging.MessageHistory;
import kr.fm.arrears.notice.NoticeListing;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works out a landlord's {@link MonthlyReport} from the front doors of the modules that own the facts;
 * the month's reminder and "after a reminder" figures are the portal's own ({@link NoticeHistory#summary}).
 */
@Component
@RequiredArgsConstructor
class ReportFigures {

    /** How many month ends the balance and collection-rate series show, the report's month last. */
    static final int SERIES_MONTHS = 12;

    private final NoticeHistory history;
    private final Ledger ledger;
    private final LedgerViews views;
    private final PaymentTotals payments;
    private final MessageHistory messages;
    private final NoticeListing notices;
    private final CaseSpans cases;
    private final Outlook outlook;
    private final DepositFlag deposit;
    private final kr.fm.arrears.ledger.RememberedArrears remembered;
    private final kr.fm.arrears.escalation.PaymentPlans plans;

    @Transactional(readOnly = true)
    MonthlyReport of(long landlordId, YearMonth month) {
        LedgerViews.Landlord landlord = views.landlord(Viewer.SYSTEM, landlordId)
                .orElseThrow(() -> new NotFound("landlord", landlordId));
        LeaseScope leases = ledger.scope(Viewer.SYSTEM, landlordId, null);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Instant start = first.atStartOfDay(BusinessTime.SEOUL).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(BusinessTime.SEOUL).toInstant();

        MonthlySummary summary = history.summary(Viewer.SYSTEM, month, landlordId);
        Map<String, MessageHistory.Sent> byStage = messages.remindersByStage(leases, start, end);
        List<MonthlyReport.StageCount> reminders = new ArrayList<>();
        for (Stage s : List.of(Stage.UPCOMING, Stage.REMINDER_1, Stage.REMINDER_2, Stage.FINAL_REMINDER)) {
            MessageHistory.Sent sent = byStage.getOrDefault(s.name(), new MessageHistory.Sent(0, 0, 0));
            reminders.add(new MonthlyReport.StageCount(s.name(), Labels.stage(s.name()), sent.all(), sent.delivered()));
        }
        List<CaseSpans.Span> spans = cases.openDuring(leases, first, last);
        long opened = spans.stream().filter(c -> !c.openedOn().isBefore(first)).count();
        long resolved = spans.stream().filter(c -> c.closedOn() != null && !c.closedOn().isAfter(last)).count();
        List<Long> ids = List.of(leases.ids());

        return new MonthlyReport(landlordId, landlord.name(), month, last, reminders, summary.noticesSent(),
                notices.deliveredBetween(leases, first, last), opened, resolved, collected(ids, month),
                summary.amountRecoveredAfterReminder(), history.recoveredAfterNotice(Viewer.SYSTEM, month, landlordId),
                open(landlordId, last), balances(ids, month), rates(ids, month), plans.tally(leases, first, last));
    }

    /** Only the two charts' series ending with {@code month} (the portal's home), without the month's other figures. */
    @Transactional(readOnly = true)
    OwnerReports.Trends trends(long landlordId, YearMonth month) {
        List<Long> ids = List.of(ledger.scope(Viewer.SYSTEM, landlordId, null).ids());
        return new OwnerReports.Trends(Charts.balance(balances(ids, month)), Charts.rate(rates(ids, month)));
    }

    /** The leases in arrears at {@code asOf}, by building (largest balance first), with deposit and next step. */
    private List<MonthlyReport.BuildingOpen> open(long landlordId, LocalDate asOf) {
        List<Long> inArrears = views.leasesInArrears(Viewer.SYSTEM, asOf, landlordId, null, Integer.MAX_VALUE, 0);
        Map<Long, LedgerViews.LeaseSummary> leases = views.leases(Viewer.SYSTEM, inArrears).stream()
                .collect(Collectors.toMap(LedgerViews.LeaseSummary::leaseId, Function.identity()));
        Map<Long, LeaseArrears> arrears = ledger.arrears(leases.keySet(), asOf);
        Map<Long, Outlook.NextStage> next = outlook.next(leases.values().stream()
                .map(l -> new LeaseRef(l.leaseId(), l.buildingId(), l.landlordId())).toList(), asOf);
        Map<String, List<MonthlyReport.OpenLease>> byBuilding = new LinkedHashMap<>();
        leases.values().stream().filter(l -> arrears.containsKey(l.leaseId()) && arrears.get(l.leaseId()).inArrears())
                .sorted(Comparator.comparing(LedgerViews.LeaseSummary::buildingName).thenComparing(LedgerViews.LeaseSummary::code))
                .forEach(l -> {
                    LeaseArrears a = arrears.get(l.leaseId());
                    DepositCoverage d = deposit.of(l, a);
                    Outlook.NextStage n = next.get(l.leaseId());
                    byBuilding.computeIfAbsent(l.buildingName(), k -> new ArrayList<>()).add(new MonthlyReport.OpenLease(
                            l.code(), l.tenantName(), l.units(), a.overdueBalance(), a.lateInterest(), a.arrearsMonths(),
                            d.deposit(), d.remaining(), d.monthsCovered(), d.flagged(),
                            n == null ? null : Labels.stage(n.stage().name()), n == null ? null : n.on()));
                });
        return byBuilding.entrySet().stream().map(e -> new MonthlyReport.BuildingOpen(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(MonthlyReport.BuildingOpen::balance).reversed()).toList();
    }

    /** The overdue principal at each of the last {@link #SERIES_MONTHS} month ends (remembered per month end by the ledger). */
    private List<MonthlyReport.MonthPoint> balances(List<Long> leaseIds, YearMonth month) {
        List<LocalDate> ends = new ArrayList<>();
        for (YearMonth m = month.minusMonths(SERIES_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            ends.add(m.atEndOfMonth());
        }
        List<MonthlyReport.MonthPoint> points = new ArrayList<>();
        remembered.figures(leaseIds, ends).forEach((end, arrears) -> points.add(new MonthlyReport.MonthPoint(YearMonth.from(end),
                arrears.values().stream().mapToLong(LeaseArrears::overdueBalance).sum())));
        return points;
    }

    /** Payments dated in each month over the charges (with VAT) falling due in it, as a whole percent: two queries for the twelve months. */
    private List<MonthlyReport.RatePoint> rates(List<Long> leaseIds, YearMonth month) {
        YearMonth first = month.minusMonths(SERIES_MONTHS - 1);
        Map<YearMonth, Long> paid = payments.paidByMonth(leaseIds, first, month);
        Map<YearMonth, Long> falling = ledger.dueByMonth(leaseIds, first, month);
        List<MonthlyReport.RatePoint> points = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            long collected = paid.getOrDefault(m, 0L);
            long due = falling.getOrDefault(m, 0L);
            points.add(new MonthlyReport.RatePoint(m, collected, due, due == 0 ? null : (int) Math.round(collected * 100.0 / due)));
        }
        return points;
    }

    private long collected(List<Long> leaseIds, YearMonth m) {
        return payments.paidWithin(leaseIds.stream().map(id -> new PaymentTotals.Window(id, m.atDay(1), m.atEndOfMonth())).toList());
    }
}
