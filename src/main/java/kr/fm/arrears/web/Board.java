package kr.fm.arrears.web;

import kr.fm.arrears.shared.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.escalation.LeaseRef;
import kr.fm.arrears.escalation.Outlook;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.DepositCoverage;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * The arrears board: every open case with what the tenant owes today and what the ladder does next.
 * A LANDLORD's board holds only their own buildings (the landlord filter goes into every query).
 */
@Component
class Board {

    /** Open cases on one board page; a portfolio with more pages through the building filter. */
    static final int LIMIT = 500;

    public record Row(long caseId, long leaseId, String leaseCode, String tenantName, String buildingName, String units,
            long balance, long lateInterest, BigDecimal months, long daysOverdue, String stage, boolean paused,
            LocalDate pausedUntil, String nextStage, LocalDate nextOn, DepositCoverage deposit) {}

    public record View(LocalDate today, List<Row> rows, long totalBalance) {}

    private final Cases cases;
    private final Ledger ledger;
    private final LedgerViews views;
    private final Outlook outlook;
    private final Clock clock;
    private final kr.fm.arrears.ledger.DepositFlag deposit;

    Board(Cases cases, Ledger ledger, LedgerViews views, Outlook outlook, Clock clock, kr.fm.arrears.ledger.DepositFlag deposit) {
        this.cases = cases;
        this.ledger = ledger;
        this.views = views;
        this.outlook = outlook;
        this.clock = clock;
        this.deposit = deposit;
    }

    int flagPercent() {
        return deposit.percent();
    }

    View open(Viewer viewer, Long buildingId) {
        return open(viewer, buildingId, false);
    }

    /** {@code depositFlaggedOnly}: only the cases whose owed amount has reached the share of the deposit. */
    View open(Viewer viewer, Long buildingId, boolean depositFlaggedOnly) {
        LocalDate today = BusinessTime.today(clock);
        List<Cases.CaseView> open = cases.list(viewer, new Cases.Filter(null, null, buildingId, null, true),
                LIMIT, 0);
        List<Long> leaseIds = open.stream().map(Cases.CaseView::leaseId).toList();
        Map<Long, LedgerViews.LeaseSummary> leases = views.leases(viewer, leaseIds).stream()
                .collect(Collectors.toMap(LedgerViews.LeaseSummary::leaseId, Function.identity()));
        Map<Long, LeaseArrears> arrears = ledger.arrears(leases.keySet(), today);
        Map<Long, Outlook.NextStage> next = outlook.next(leases.values().stream()
                .map(l -> new LeaseRef(l.leaseId(), l.buildingId(), l.landlordId())).toList(), today);
        List<Row> rows = open.stream().filter(c -> leases.containsKey(c.leaseId()))
                .map(c -> row(c, leases.get(c.leaseId()), arrears.get(c.leaseId()), next.get(c.leaseId())))
                .filter(r -> !depositFlaggedOnly || r.deposit() != null && r.deposit().flagged())
                .sorted(java.util.Comparator.comparingLong(Row::daysOverdue).reversed())
                .toList();
        return new View(today, rows, rows.stream().mapToLong(Row::balance).sum());
    }

    /** A case the caller may see: {@link Cases} finds a LANDLORD only their own, so another's is "not found". */
    Cases.CaseView visibleCase(Viewer viewer, long id) {
        return cases.find(viewer, id).orElseThrow(() -> new NotFound("case", id));
    }

    Row row(Cases.CaseView c, LedgerViews.LeaseSummary lease, LeaseArrears a, Outlook.NextStage next) {
        return new Row(c.id(), c.leaseId(), lease.code(), lease.tenantName(), lease.buildingName(), lease.units(),
                a == null ? 0 : a.overdueBalance(), a == null ? 0 : a.lateInterest(),
                a == null ? BigDecimal.ZERO : a.arrearsMonths(), a == null ? 0 : a.daysOverdue(), Labels.stage(c.stage()),
                c.paused(), c.pausedUntil(), next == null ? null : Labels.stage(next.stage()), next == null ? null : next.on(),
                a == null ? null : deposit.of(lease, a));
    }

    Row row(Viewer viewer, Cases.CaseView c) {
        LocalDate today = BusinessTime.today(clock);
        LedgerViews.LeaseSummary lease = views.lease(viewer, c.leaseId()).orElseThrow(() -> new NotFound("case", c.id()));
        LeaseArrears a = ledger.arrears(c.leaseId(), today).orElse(null);
        Outlook.NextStage next = c.closedOn() == null ? outlook.next(List.of(new LeaseRef(lease.leaseId(), lease.buildingId(),
                lease.landlordId())), today).get(c.leaseId()) : null;
        return row(c, lease, a, next);
    }
}
