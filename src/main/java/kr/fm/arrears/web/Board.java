package kr.fm.arrears.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.fm.arrears.escalation.Cases;
import kr.fm.arrears.escalation.PaymentPlans;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.escalation.LeaseRef;
import kr.fm.arrears.escalation.Outlook;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.ledger.DepositCoverage;
import kr.fm.arrears.ledger.DepositFlag;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.PaymentTotals;
import kr.fm.arrears.ledger.RememberedArrears;
import kr.fm.arrears.ledger.TodaysArrears;
import kr.fm.arrears.messaging.MessageHistory;
import kr.fm.arrears.notice.NoticeListing;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The arrears board: every open case with what the tenant owes today and what the ladder does next,
 * searched, filtered, sorted and summed over all the matching cases, then shown 50 at a time. The
 * figures are today's arrears of every open case ({@link TodaysArrears}, remembered until the ledger
 * changes), so sorting by balance or days overdue and the totals cover every case, not a page.
 * A LANDLORD's board holds only their own buildings (the landlord filter goes into every query).
 */
@Component
@RequiredArgsConstructor
class Board {

    static final int PAGE = 50;

    enum Sort {
        OVERDUE, BALANCE, STAGE, TENANT;

        /** Most overdue, largest, furthest up the ladder first; tenants from 가 to 하. */
        boolean descendingByDefault() {
            return this != TENANT;
        }
    }

    /** Why a case needs a person, whatever its stage. */
    enum Attention {
        /** every text to the tenant was SKIPPED: no mobile number, or opted out */
        UNREACHABLE,
        /** the landlord has no bank account on file and the lease no 가상계좌: reminders cannot say where to pay */
        NO_ACCOUNT,
        /** the last run could not compute the lease */
        RUN_ERROR,
        /** a notice RETURNED by the post office, or held back at dispatch */
        NOTICE,
        /** a message FAILED for good */
        FAILED_MESSAGE,
        /** the case's payment plan broke: it climbs the ladder again, someone should call the tenant */
        PLAN_BROKEN
    }

    /**
     * What the board is asked for. {@code search} matches tenant, lease code or building (case-insensitive,
     * part of the text); {@code attention} ANY_ATTENTION for any reason; {@code page} from 1.
     */
    record Query(String search, Stage stage, Long landlordId, Long buildingId, Boolean paused, Boolean planned,
            Set<Attention> attention, boolean depositFlagged, Sort sort, boolean descending, int page) {

        static final Set<Attention> ANY_ATTENTION = Set.of(Attention.values());

        static Query firstPage() {
            return new Query(null, null, null, null, null, null, null, false, Sort.OVERDUE, true, 1);
        }

        /** From the page's parameters, as typed; a value the board does not know is named, in Korean. */
        static Query parse(String search, String stage, Long landlordId, Long buildingId, String paused, String plan,
                String attention, boolean depositFlagged, String sort, String dir, int page) {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            Stage st = parseEnum(Stage.class, stage, "stage", "단계", errors);
            Sort so = parseEnum(Sort.class, sort, "sort", "정렬", errors);
            Boolean pa = either(paused, "true", "false", "paused", "중지 여부는 true 또는 false입니다", errors);
            Boolean pl = either(plan, "true", "false", "plan", "약정 여부는 true 또는 false입니다", errors);
            Set<Attention> at = null;
            if (!blank(attention)) {
                at = attention.equalsIgnoreCase("any") ? ANY_ATTENTION : nullToEmpty(parseEnum(Attention.class, attention,
                        "attention", "확인 필요 항목", errors));
            }
            Boolean descending = either(dir, "desc", "asc", "dir", "정렬 방향은 asc 또는 desc입니다", errors);
            if (page < 1) {
                errors.add(new InvalidInput.FieldError("page", page, "쪽 번호는 1부터입니다"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            Sort s = so == null ? Sort.OVERDUE : so;
            return new Query(blank(search) ? null : search.strip(), st, landlordId, buildingId, pa, pl, at, depositFlagged, s,
                    descending == null ? s.descendingByDefault() : descending, page);
        }

        /** TRUE for {@code yes}, FALSE for {@code no}, null when not given; anything else is named. */
        private static Boolean either(String value, String yes, String no, String field, String message,
                List<InvalidInput.FieldError> errors) {
            if (blank(value) || value.equals(yes) || value.equals(no)) {
                return blank(value) ? null : value.equals(yes);
            }
            errors.add(new InvalidInput.FieldError(field, value, message));
            return null;
        }

        private static Set<Attention> nullToEmpty(Attention a) {
            return a == null ? null : Set.of(a);
        }

        private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String label,
                List<InvalidInput.FieldError> errors) {
            if (blank(value)) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError(field, value, label + "에 없는 값입니다"));
                return null;
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public record Row(long caseId, long leaseId, String leaseCode, String tenantName, String buildingName, String units,
            long balance, long lateInterest, BigDecimal months, long daysOverdue, String stage, boolean paused,
            LocalDate pausedUntil, String nextStage, LocalDate nextOn, DepositCoverage deposit, List<String> attention,
            boolean planned) {}

    /** One thing a person must look at, on one case. */
    /** {@code link}: where a person acts on it (the case; for a missing account the landlord's page, where it is set). */
    public record Entry(Attention kind, long caseId, String tenantName, String leaseCode, String detail, String link) {}

    /**
     * A page of the board: {@code matching} cases in all, owing {@code totalBalance}; {@code attention} the
     * entries of the matching cases by kind (staff only; empty for a LANDLORD), each list at most {@link #LISTED}.
     */
    public record View(LocalDate today, List<Row> rows, long matching, long totalBalance, int page, int pages,
            Map<String, List<Entry>> attention, Map<String, Integer> attentionCounts, Strip strip) {}

    /**
     * The strip above the board, whatever the filters: every open case the viewer may see, what they owe
     * today, and the payments dated this month (from the 1st to today) on every lease the viewer may see.
     */
    public record Strip(long openCases, long totalBalance, LocalDate collectedFrom, long collected) {}

    /** Entries of one kind listed above the table; the filter shows them all. */
    static final int LISTED = 10;

    private final Cases cases;
    private final Ledger ledger;
    private final LedgerViews views;
    private final TodaysArrears todays;
    private final Outlook outlook;
    private final EscalationRuns runs;
    private final MessageHistory messages;
    private final NoticeListing notices;
    private final DepositFlag deposit;
    private final PaymentTotals payments;
    private final RememberedArrears remembered;
    private final PaymentPlans plans;

    /** The business day the board is of (Seoul). */
    LocalDate today() {
        return todays.today();
    }

    int flagPercent() {
        return deposit.percent();
    }

    /** A matching case with its lease today, and its sort key read once (not at every comparison). */
    private record Item(Cases.Standing c, TodaysArrears.Standing s, long key) {}

    View open(Viewer viewer, Query q) {
        return open(viewer, q, true);
    }

    /**
     * {@code nextSteps}: work out each row's next stage ({@link Outlook}: the arrears on every day a decision
     * can change, most of a page's time); the portal's home shows no next stage and asks without.
     */
    View open(Viewer viewer, Query q, boolean nextSteps) {
        LocalDate today = todays.today();
        List<Cases.Standing> open = cases.openStandings(viewer,
                new Cases.Filter(q.stage(), q.landlordId(), q.buildingId(), q.paused(), true, q.planned()));
        Map<Long, TodaysArrears.Standing> leases = todays.of(viewer, open.stream().map(Cases.Standing::leaseId).toList());
        String needle = q.search() == null ? null : q.search().toLowerCase(Locale.ROOT);
        List<Item> matching = new ArrayList<>();
        for (Cases.Standing c : open) {
            TodaysArrears.Standing s = leases.get(c.leaseId());
            if (s != null && (needle == null || matches(s.lease(), needle))
                    && (!q.depositFlagged() || s.deposit() != null && s.deposit().flagged())) {
                matching.add(new Item(c, s, key(q.sort(), c, s)));
            }
        }
        // what needs a person is staff's work; a LANDLORD's read-only board does not carry it
        Map<Long, List<Entry>> attention = viewer.isStaff() ? attention(viewer, q, matching) : Map.of();
        if (q.attention() != null) {
            matching = matching.stream().filter(i -> attention.getOrDefault(i.c().leaseId(), List.of()).stream()
                    .anyMatch(e -> q.attention().contains(e.kind()))).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        long total = matching.stream().mapToLong(i -> i.s().overdueBalance()).sum();
        List<Item> sorted = new ArrayList<>(matching);
        sorted.sort(order(q));
        int pages = Math.max(1, (sorted.size() + PAGE - 1) / PAGE);
        int from = Math.min((q.page() - 1) * PAGE, sorted.size());
        List<Item> page = sorted.subList(from, Math.min(from + PAGE, sorted.size()));
        Map<Long, Outlook.NextStage> next = nextSteps ? outlook.next(page.stream().map(i -> i.s().lease())
                .map(l -> new LeaseRef(l.leaseId(), l.buildingId(), l.landlordId())).toList(), today) : Map.of();
        List<Row> rows = page.stream().map(i -> row(i.c().caseId(), i.c().stage(), i.c().pausedOn(today), i.c().pausedUntil(),
                i.s().lease(), i.s().arrears(), i.s().deposit(), next.get(i.c().leaseId()),
                attention.getOrDefault(i.c().leaseId(), List.of()), i.c().planned())).toList();
        // by kind, in the order of the kinds (keys are the kinds' names: what the page and its links use)
        Map<String, List<Entry>> listed = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        matching.stream().flatMap(i -> attention.getOrDefault(i.c().leaseId(), List.of()).stream())
                .sorted(Comparator.comparing(Entry::kind)).forEach(e -> {
            counts.merge(e.kind().name(), 1, Integer::sum);
            List<Entry> l = listed.computeIfAbsent(e.kind().name(), k -> new ArrayList<>());
            if (l.size() < LISTED) {
                l.add(e);
            }
        });
        return new View(today, rows, matching.size(), total, q.page(), pages, listed, counts, strip(viewer, q, open, leases, today));
    }

    /** The month's collections of whom the viewer may see, remembered with the arrears (a board is refreshed often). */
    private record Collected(Long landlord, LocalDate from, LocalDate to) {}

    /** The strip's figures: the board's own when nothing narrows it, else every open case read again (remembered, so cheap). */
    private Strip strip(Viewer viewer, Query q, List<Cases.Standing> open, Map<Long, TodaysArrears.Standing> leases, LocalDate today) {
        boolean narrowed = q.stage() != null || q.landlordId() != null || q.buildingId() != null || q.paused() != null;
        List<Cases.Standing> all = narrowed ? cases.openStandings(viewer, new Cases.Filter(null, null, null, null, true)) : open;
        Map<Long, TodaysArrears.Standing> standing = narrowed ? todays.of(viewer, all.stream().map(Cases.Standing::leaseId).toList())
                : leases;
        long cases = all.stream().filter(c -> standing.containsKey(c.leaseId())).count();
        long balance = all.stream().map(c -> standing.get(c.leaseId())).filter(java.util.Objects::nonNull)
                .mapToLong(TodaysArrears.Standing::overdueBalance).sum();
        LocalDate first = today.withDayOfMonth(1);
        long collected = remembered.answer(new Collected(viewer.landlordFilter(null), first, today),
                () -> payments.paidBetween(ledger.scope(viewer, null, null), first, today));
        return new Strip(cases, balance, first, collected);
    }

    private static long key(Sort sort, Cases.Standing c, TodaysArrears.Standing s) {
        return switch (sort) {
            case OVERDUE -> s.daysOverdue();
            case BALANCE -> s.overdueBalance();
            case STAGE -> c.stage() == null ? -1 : c.stage().ordinal();
            case TENANT -> 0;
        };
    }

    private static boolean matches(LedgerViews.LeaseSummary l, String needle) {
        return contains(l.tenantName(), needle) || contains(l.code(), needle) || contains(l.buildingName(), needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The chosen order, then the case id, so that a case keeps its place from one page to the next. */
    private static Comparator<Item> order(Query q) {
        Comparator<Item> by = q.sort() == Sort.TENANT ? Comparator.comparing(i -> i.s().lease().tenantName())
                : Comparator.comparingLong(Item::key);
        return (q.descending() ? by.reversed() : by).thenComparingLong(i -> i.c().caseId());
    }

    /** Each matching case's reasons to be looked at, by lease, read from the modules that know them. */
    private Map<Long, List<Entry>> attention(Viewer viewer, Query q, List<Item> matching) {
        Map<Long, Item> matched = new HashMap<>();
        matching.forEach(i -> matched.put(i.c().leaseId(), i));
        Map<Long, List<Entry>> byLease = new LinkedHashMap<>();
        java.util.function.BiConsumer<Long, Map.Entry<Attention, String>> add = (leaseId, why) -> {
            Item i = matched.get(leaseId);
            if (i != null) {
                LedgerViews.LeaseSummary l = i.s().lease();
                byLease.computeIfAbsent(leaseId, k -> new ArrayList<>())
                        .add(new Entry(why.getKey(), i.c().caseId(), l.tenantName(), l.code(), why.getValue(),
                                why.getKey() == Attention.NO_ACCOUNT ? "/landlords/" + l.landlordId() : "/cases/" + i.c().caseId()));
            }
        };
        LeaseScope scope = ledger.scope(viewer, q.landlordId(), q.buildingId());
        Set<Long> seen = new HashSet<>();
        messages.unreachable(scope).forEach(t -> add.accept(t.leaseId(), Map.entry(Attention.UNREACHABLE,
                "보낸 문자가 모두 발송 불가(휴대전화 번호 없음 또는 수신 거부)")));
        Set<Long> withoutAccount = views.landlordsWithoutBankAccount(viewer);
        Map<Long, Integer> held = messages.held(scope);
        matching.stream().map(i -> i.s().lease())
                .filter(l -> withoutAccount.contains(l.landlordId()) && l.virtualAccount() == null)
                .forEach(l -> add.accept(l.leaseId(), Map.entry(Attention.NO_ACCOUNT,
                        l.landlordName() + ": 입금 계좌가 없습니다 (안내문에 계좌를 적을 수 없음)"
                                + (held.containsKey(l.leaseId()) ? " · 보류된 안내 " + held.get(l.leaseId()) + "건" : ""))));
        runs.latestErrors().ifPresent(r -> r.errorLeases().stream().filter(e -> seen.add(e.leaseId()))
                .forEach(e -> add.accept(e.leaseId(), Map.entry(Attention.RUN_ERROR,
                        Labels.dateOf(r.run().businessDate()) + " 실행에서 처리하지 못함: " + e.reason()))));
        notices.stalled(scope).forEach(n -> add.accept(n.leaseId(), Map.entry(Attention.NOTICE,
                Labels.notice(n.kind()) + " " + (n.status() == NoticeStatus.RETURNED ? "반송됨" : "발송 보류")
                        + (n.reason() == null ? "" : ": " + n.reason()))));
        messages.failed(scope).forEach(t -> add.accept(t.leaseId(), Map.entry(Attention.FAILED_MESSAGE,
                "발송 실패" + (t.reason() == null ? "" : ": " + t.reason()))));
        // the staff's in-app notice of a broken plan: on the board while the case it held is open
        plans.latestOf(matching.stream().map(i -> i.c().caseId()).toList()).values().stream()
                .filter(p -> p.status() == PaymentPlans.Status.BROKEN)
                .forEach(p -> add.accept(p.leaseId(), Map.entry(Attention.PLAN_BROKEN, Labels.dateOf(p.endedOn()) + " 분할납부 약정 파기 ("
                        + p.brokenInstalment() + "회차 미납): 단계 진행이 다시 시작됨")));
        return byLease;
    }

    /** A case the caller may see: {@link Cases} finds a LANDLORD only their own, so another's is "not found". */
    Cases.CaseView visibleCase(Viewer viewer, long id) {
        return cases.find(viewer, id).orElseThrow(() -> new NotFound("case", id));
    }

    private Row row(long caseId, Stage stage, boolean paused, LocalDate pausedUntil, LedgerViews.LeaseSummary lease,
            LeaseArrears a, DepositCoverage coverage, Outlook.NextStage next, List<Entry> attention, boolean planned) {
        return new Row(caseId, lease.leaseId(), lease.code(), lease.tenantName(), lease.buildingName(), lease.units(),
                a == null ? 0 : a.overdueBalance(), a == null ? 0 : a.lateInterest(),
                a == null ? BigDecimal.ZERO : a.arrearsMonths(), a == null ? 0 : a.daysOverdue(), Labels.stage(stage),
                paused, pausedUntil, next == null ? null : Labels.stage(next.stage()), next == null ? null : next.on(),
                coverage, attention.stream().map(e -> Labels.attention(e.kind())).distinct().toList(), planned);
    }

    /** One case's row, for the case's own page (closed cases too: no next stage then). */
    Row row(Viewer viewer, Cases.CaseView c) {
        LocalDate today = todays.today();
        LedgerViews.LeaseSummary lease = views.lease(viewer, c.leaseId()).orElseThrow(() -> new NotFound("case", c.id()));
        LeaseArrears a = ledger.arrears(c.leaseId(), today).orElse(null);
        Outlook.NextStage next = c.closedOn() == null ? outlook.next(List.of(new LeaseRef(lease.leaseId(), lease.buildingId(),
                lease.landlordId())), today).get(c.leaseId()) : null;
        return row(c.id(), c.stage(), c.paused(), c.pausedUntil(), lease, a, a == null ? null : deposit.of(lease, a), next, List.of(),
                c.planned());
    }
}
