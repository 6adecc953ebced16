package kr.fm.arrears.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.fm.arrears.escalation.CaseSpans;
import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.ledger.PaymentTotals;
import kr.fm.arrears.messaging.MessageHistory;
import kr.fm.arrears.notice.NoticeListing;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.Viewer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice history: every reminder (a message of the outbox) and every certified notice sent on a
 * landlord's behalf, newest first. It keeps no table of its own and reads none of the others': the
 * ledger names the leases the caller may see (a LANDLORD: their own; staff: all, or one landlord's
 * when they name it), messaging and notice list their entries for those leases a page at a time,
 * newest first, and this merges the two lists. A LANDLORD sees all of their notices, drafts awaiting
 * their consent included.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NoticeHistory {

    /** Rows asked of each source at a time: a long history is walked, never held. */
    static final int PAGE = 1000;

    /** The history's order: newest first; at the same instant notices before reminders, then the highest id. */
    static final Comparator<HistoryEntry> NEWEST_FIRST = Comparator.comparing(HistoryEntry::at).reversed()
            .thenComparing(HistoryEntry::kind).thenComparing(Comparator.comparingLong(HistoryEntry::id).reversed());

    private final Ledger ledger;
    private final LedgerViews views;
    private final MessageHistory messages;
    private final NoticeListing notices;
    private final CaseSpans cases;
    private final PaymentTotals payments;
    private final org.springframework.beans.factory.ObjectProvider<KeptDocuments> kept;

    public List<HistoryEntry> list(Viewer viewer, HistoryFilter f, int limit, int offset) {
        return list(viewer, f, null, limit, offset);
    }

    /** Staff may narrow to one landlord; for a LANDLORD another landlord's id yields nothing. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> list(Viewer viewer, HistoryFilter f, Long landlordId, int limit, int offset) {
        Iterator<HistoryEntry> entries = entries(viewer, f, landlordId, Math.max(1, Math.min(offset + limit, PAGE)));
        for (int skipped = 0; skipped < offset && entries.hasNext(); skipped++) {
            entries.next();
        }
        List<HistoryEntry> page = new ArrayList<>(Math.min(limit, PAGE));
        while (page.size() < limit && entries.hasNext()) {
            page.add(entries.next());
        }
        return page;
    }

    /**
     * The whole filtered history in its order, read from the sources {@link #PAGE} rows at a time as
     * it is consumed (the exports write it row by row); each page is its own read, so a long export
     * holds no transaction open.
     */
    public Iterator<HistoryEntry> entries(Viewer viewer, HistoryFilter f, Long landlordId) {
        return entries(viewer, f, landlordId, PAGE);
    }

    public long count(Viewer viewer, HistoryFilter f) {
        return count(viewer, f, null);
    }

    @Transactional(readOnly = true)
    public long count(Viewer viewer, HistoryFilter f, Long landlordId) {
        check(f);
        LeaseScope leases = scope(viewer, f, landlordId);
        return (reminders(f) ? messages.count(leases, f.status(), f.from(), f.to()) : 0)
                + (notices(f) ? notices.count(leases, f.status(), f.from(), f.to()) : 0);
    }

    /**
     * The documents kept for the landlord besides reminders and notices (the monthly reports), newest
     * first: they belong to the whole landlord, so a filter naming a building, a tenant, a status or a
     * kind holds none; the period is the day each was made.
     */
    public List<KeptDocuments.Document> documents(Viewer viewer, HistoryFilter f, Long landlordId) {
        check(f);
        if (f.buildingId() != null || f.tenantId() != null || f.status() != null || f.kind() != null) {
            return List.of();
        }
        return kept.orderedStream().flatMap(k -> k.documents(viewer, landlordId, f.from(), f.to()).stream())
                .sorted(Comparator.comparing(KeptDocuments.Document::at).reversed()).toList();
    }

    /** A kept document's bytes, from the module that keeps it. */
    public byte[] content(KeptDocuments.Document d) {
        return kept.orderedStream().map(k -> k.content(d)).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("no source keeps " + d.kind() + " " + d.id()));
    }

    /** The ids of the filter's notices that have an approved PDF, by document number: what the ZIP holds. */
    @Transactional(readOnly = true)
    public List<Long> approvedNotices(Viewer viewer, HistoryFilter f, Long landlordId) {
        HistoryFilter only = new HistoryFilter(f.buildingId(), f.tenantId(), f.from(), f.to(), f.status(), HistoryEntry.NOTICE);
        check(only);
        return notices.approved(scope(viewer, only, landlordId), only.status(), only.from(), only.to());
    }

    /** These notices as history entries, in the order given (a page of the ZIP). */
    @Transactional(readOnly = true)
    public List<HistoryEntry> notices(Collection<Long> noticeIds) {
        return noticeEntries(notices.entries(noticeIds));
    }

    public MonthlySummary summary(Viewer viewer, YearMonth month) {
        return summary(viewer, month, null);
    }

    /**
     * The month's figures (Asia/Seoul), defined in docs/portal.md: reminders that left in the month;
     * payments dated in the month on a lease whose arrears case was open that day and had an overdue
     * reminder sent on or before it; notices handed to the post office in the month.
     */
    @Transactional(readOnly = true)
    public MonthlySummary summary(Viewer viewer, YearMonth month, Long landlordId) {
        LeaseScope leases = ledger.scope(viewer, landlordId, null);
        Instant start = month.atDay(1).atStartOfDay(BusinessTime.SEOUL).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(BusinessTime.SEOUL).toInstant();
        MessageHistory.Sent reminders = messages.remindersSent(leases, start, end);
        long recovered = payments.paidWithin(afterReminder(leases, month.atDay(1), month.atEndOfMonth()));
        return new MonthlySummary(month, reminders.all(), recovered, notices.sentBetween(leases, start, end), reminders.demo(),
                reminders.delivered());
    }

    /**
     * Payments dated in the month on a lease whose arrears case was open that day and had a certified
     * notice handed to the post office on or before it: "after a notice", the reminder's rule with the
     * first posting in place of the first reminder (docs/reports.md).
     */
    @Transactional(readOnly = true)
    public long recoveredAfterNotice(Viewer viewer, YearMonth month, Long landlordId) {
        LeaseScope leases = ledger.scope(viewer, landlordId, null);
        return payments.paidWithin(after(leases, month.atDay(1), month.atEndOfMonth(), notices::firstPosted));
    }

    private List<PaymentTotals.Window> afterReminder(LeaseScope leases, LocalDate first, LocalDate last) {
        return after(leases, first, last, messages::firstOverdueReminder);
    }

    /**
     * The days of [first, last] on which a payment counts as "after" a case's first reminder or notice
     * ({@code firstDays}: that day per case id), per case: from the latest of the case's opening, that day
     * and {@code first}, to the earliest of its closing and {@code last}.
     */
    private List<PaymentTotals.Window> after(LeaseScope leases, LocalDate first, LocalDate last,
            Function<List<Long>, Map<Long, LocalDate>> firstDays) {
        List<CaseSpans.Span> open = cases.openDuring(leases, first, last);
        Map<Long, LocalDate> reminded = firstDays.apply(open.stream().map(CaseSpans.Span::caseId).toList());
        List<PaymentTotals.Window> windows = new ArrayList<>();
        for (CaseSpans.Span c : open) {
            LocalDate since = reminded.get(c.caseId());
            if (since == null) {
                continue;
            }
            LocalDate from = latest(latest(c.openedOn(), since), first);
            LocalDate to = c.closedOn() == null || c.closedOn().isAfter(last) ? last : c.closedOn();
            if (!from.isAfter(to)) {
                windows.add(new PaymentTotals.Window(c.leaseId(), from, to));
            }
        }
        return windows;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Refuses a filter that cannot match anything meaningful, naming the field. */
    static void check(HistoryFilter f) {
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw InvalidInput.of("from", f.from(), "끝 날짜(" + f.to() + ")보다 늦을 수 없습니다");
        }
        if (f.kind() != null && !HistoryEntry.REMINDER.equals(f.kind()) && !HistoryEntry.NOTICE.equals(f.kind())) {
            throw InvalidInput.of("kind", f.kind(), "REMINDER 또는 NOTICE여야 합니다");
        }
        if (f.status() != null) {
            boolean known = HistoryEntry.REMINDER.equals(f.kind()) ? Labels.isMessageState(f.status())
                    : HistoryEntry.NOTICE.equals(f.kind()) ? Labels.isNoticeStatus(f.status())
                    : Labels.isMessageState(f.status()) || Labels.isNoticeStatus(f.status());
            if (!known) {
                throw InvalidInput.of("status", f.status(), (f.kind() == null ? "메시지 상태나 통지서 상태"
                        : HistoryEntry.REMINDER.equals(f.kind()) ? "메시지 상태" : "통지서 상태") + "가 아닙니다");
            }
        }
    }

    private Iterator<HistoryEntry> entries(Viewer viewer, HistoryFilter f, Long landlordId, int page) {
        check(f);
        LeaseScope leases = scope(viewer, f, landlordId);
        Source reminders = reminders(f) ? (at, id) -> reminderEntries(messages.page(leases, f.status(), f.from(), f.to(), at, id, page))
                : (at, id) -> List.of();
        Source notes = notices(f) ? (at, id) -> noticeEntries(notices.page(leases, f.status(), f.from(), f.to(), at, id, page))
                : (at, id) -> List.of();
        return new Merged(new Paged(reminders, page), new Paged(notes, page));
    }

    /** The leases of the filter the viewer may see: the landlord's (or all), narrowed to a building and a tenant. */
    private LeaseScope scope(Viewer viewer, HistoryFilter f, Long landlordId) {
        if (f.tenantId() == null) {
            return ledger.scope(viewer, landlordId, f.buildingId());
        }
        return new LeaseScope(views.leases(viewer, landlordId, f.buildingId(), f.tenantId(), Integer.MAX_VALUE, 0).stream()
                .map(LedgerViews.LeaseSummary::leaseId).toArray(Long[]::new));
    }

    private static boolean reminders(HistoryFilter f) {
        return f.kind() == null || HistoryEntry.REMINDER.equals(f.kind());
    }

    private static boolean notices(HistoryFilter f) {
        return f.kind() == null || HistoryEntry.NOTICE.equals(f.kind());
    }

    private List<HistoryEntry> reminderEntries(List<MessageHistory.Entry> page) {
        Map<Long, LedgerViews.LeaseSummary> leases = leases(page.stream().map(MessageHistory.Entry::leaseId).toList());
        return page.stream().map(m -> {
            LedgerViews.LeaseSummary l = leases.get(m.leaseId());
            return new HistoryEntry(HistoryEntry.REMINDER, m.id(), m.at(), l.buildingId(), l.buildingName(), l.tenantId(),
                    l.tenantName(), l.code(), Labels.description(HistoryEntry.REMINDER, m.stage(), m.kind()), m.channel(),
                    m.state(), Labels.status(HistoryEntry.REMINDER, m.state(), m.cancelReason(), m.sentInDemo()), null, null,
                    false, List.of());
        }).toList();
    }

    private List<HistoryEntry> noticeEntries(List<NoticeListing.Entry> page) {
        Map<Long, LedgerViews.LeaseSummary> leases = leases(page.stream().map(NoticeListing.Entry::leaseId).toList());
        Map<Long, List<NoticeListing.Attempt>> attempts = notices.attempts(page.stream().map(NoticeListing.Entry::noticeId).toList());
        return page.stream().map(n -> {
            LedgerViews.LeaseSummary l = leases.get(n.leaseId());
            return new HistoryEntry(HistoryEntry.NOTICE, n.noticeId(), n.at(), l.buildingId(), l.buildingName(), l.tenantId(),
                    l.tenantName(), l.code(), Labels.description(HistoryEntry.NOTICE, n.kind().name(), null), "CERTIFIED_NOTICE",
                    n.status().name(), Labels.status(HistoryEntry.NOTICE, n.status().name(), null, false), n.noticeId(),
                    n.documentNo(), n.pdfAvailable(), attempts.getOrDefault(n.noticeId(), List.of()).stream()
                            .map(NoticeHistory::dispatch).toList());
        }).toList();
    }

    private static HistoryEntry.Dispatch dispatch(NoticeListing.Attempt a) {
        return new HistoryEntry.Dispatch(a.attempt(), a.registeredNo(), a.postedOn(), a.recipientAddress(), a.outcome(),
                a.outcomeOn(), "DELIVERED".equals(a.outcome()) ? a.receiver() : a.returnReason());
    }

    /** The names of a page's leases, in one query (the entries' lease ids are already in the caller's scope). */
    private Map<Long, LedgerViews.LeaseSummary> leases(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return views.leases(Viewer.SYSTEM, ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(LedgerViews.LeaseSummary::leaseId, Function.identity()));
    }

    /** One source's entries after a keyset position (null: from the newest), newest first. */
    private interface Source {
        List<HistoryEntry> after(Instant at, long id);
    }

    /** A source read a page at a time, each page after the last entry of the one before. */
    private static final class Paged {
        private final Source source;
        private final int size;
        private List<HistoryEntry> page = List.of();
        private int next;
        private boolean more = true;

        Paged(Source source, int size) {
            this.source = source;
            this.size = size;
        }

        HistoryEntry peek() {
            if (next == page.size() && more) {
                HistoryEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
                page = last == null ? source.after(null, 0) : source.after(last.at(), last.id());
                next = 0;
                more = page.size() == size;
            }
            return next < page.size() ? page.get(next) : null;
        }

        HistoryEntry take() {
            HistoryEntry e = peek();
            next++;
            return e;
        }
    }

    /** Two sources merged in the history's order. */
    private static final class Merged implements Iterator<HistoryEntry> {
        private final Paged a;
        private final Paged b;

        Merged(Paged a, Paged b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean hasNext() {
            return a.peek() != null || b.peek() != null;
        }

        @Override
        public HistoryEntry next() {
            HistoryEntry x = a.peek();
            HistoryEntry y = b.peek();
            if (x == null && y == null) {
                throw new NoSuchElementException();
            }
            return y == null || (x != null && NEWEST_FIRST.compare(x, y) <= 0) ? a.take() : b.take();
        }
    }
}
