package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Viewer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Today's arrears of many leases at once, with each lease as people name it and its deposit coverage:
 * what a board sorts, filters and sums over every open case. Computed by the same {@link Ledger#compute}
 * as everywhere else (never stored), and remembered until the ledger changes or the business day turns,
 * so that a board of 12,000 cases answers from memory instead of re-reading 300,000 charges a request.
 *
 * <p>What the ledger changes it announces in an event of this package (every change is audited by one):
 * once committed, the leases it names are forgotten (and computed again when next asked for), or
 * everything for an event this class does not know (a tenant's corrected name, say: no lease named). Rows written
 * around the service are caught by the ledger's newest rows, read with each request (a few index look-ups):
 * when they moved, the rows added since are read by id, and unless every one of them is a row this instance
 * announced (whose leases its event made forgotten already), everything is forgotten.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TodaysArrears {

    /** A lease today: as named, its arrears (null when they cannot be computed: a run error) and its deposit coverage. */
    public record Standing(LedgerViews.LeaseSummary lease, LeaseArrears arrears, DepositCoverage deposit) {

        public long overdueBalance() {
            return arrears == null ? 0 : arrears.overdueBalance();
        }

        public long daysOverdue() {
            return arrears == null ? 0 : arrears.daysOverdue();
        }
    }

    /** Leases computed in one go: three queries whatever the size, and bounded memory for the rows read. */
    private static final int CHUNK = 2_000;

    private record Remembered(LocalDate day, LedgerChange.Newest newest, long everything, Map<Long, Standing> leases) {}

    /** Rows of its own this instance keeps the ids of, to explain a move of the newest rows; beyond, it forgets all. */
    static final int OWN_ROWS = 10_000;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final LedgerViews views;
    private final DepositFlag flag;
    private final Clock clock;
    /** Moves on when everything remembered is stale (a ledger event that names no leases). */
    private final AtomicLong everything = new AtomicLong();
    /** Moves on with every change the ledger announces, of some leases or of all. */
    private final AtomicLong changes = new AtomicLong();
    /** The rows this instance added and announced ({@link LedgerChange#added}), until a move of the newest rows is explained. */
    private final Set<Long> ownCharges = ConcurrentHashMap.newKeySet();
    private final Set<Long> ownPayments = ConcurrentHashMap.newKeySet();
    private final Set<Long> ownLeases = ConcurrentHashMap.newKeySet();
    private volatile Remembered remembered = new Remembered(null, null, -1, new ConcurrentHashMap<>());

    public LocalDate today() {
        return BusinessTime.today(clock);
    }

    /** These leases today, those {@code viewer} may see (a LANDLORD: only their own); an unknown id is absent. */
    public Map<Long, Standing> of(Viewer viewer, Collection<Long> leaseIds) {
        long changesBefore = changes.get();
        Remembered r = current();
        Map<Long, Standing> known = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : leaseIds) {
            Standing s = r.leases().get(id);
            if (s != null) {
                known.put(id, s);
            } else if (!known.containsKey(id)) {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<Long> chunk = missing.subList(from, Math.min(from + CHUNK, missing.size()));
            Ledger.Computed computed = ledger.compute(chunk, r.day());
            Map<Long, Standing> read = new HashMap<>();
            for (LedgerViews.LeaseSummary lease : views.leases(Viewer.SYSTEM, chunk)) {
                LeaseArrears a = computed.arrears().get(lease.leaseId());
                read.put(lease.leaseId(), new Standing(lease, a == null ? null : strip(a), a == null ? null : flag.of(lease, a)));
            }
            known.putAll(read);
            // what was read while the ledger changed may be stale already: good for this answer, not to remember
            if (changes.get() == changesBefore) {
                r.leases().putAll(read);
            }
        }
        Long landlord = viewer.landlordFilter(null);
        if (landlord != null) {
            known.values().removeIf(s -> landlord != s.lease().landlordId());
        }
        return known;
    }

    /** A committed change of the ledger makes the leases it names stale, or everything ({@link LedgerChange}). */
    @TransactionalEventListener(fallbackExecution = true)
    void ledgerChanged(Object event) {
        LedgerChange change = LedgerChange.of(event);
        if (change.everything()) {
            everything.incrementAndGet();
            changes.incrementAndGet();
        } else if (change.any()) {
            forget(change.leaseIds());
        }
        // only once their leases are forgotten may the rows explain the move they make
        LedgerChange.Added added = LedgerChange.added(event);
        if (added.size() > 0) {
            if (ownCharges.size() + ownPayments.size() + ownLeases.size() + added.size() > OWN_ROWS) {
                // a month's charges, a large statement: everything is computed again once, rather than ids kept
                everything.incrementAndGet();
                changes.incrementAndGet();
                return;
            }
            ownCharges.addAll(added.charges());
            ownPayments.addAll(added.payments());
            ownLeases.addAll(added.leases());
        }
    }

    private void forget(Collection<Long> leaseIds) {
        changes.incrementAndGet();
        remembered.leases().keySet().removeAll(new java.util.HashSet<>(leaseIds));
    }

    private Remembered current() {
        LocalDate day = today();
        long all = everything.get();
        LedgerChange.Newest newest = LedgerChange.newest(jdbc);
        Remembered r = remembered;
        if (day.equals(r.day()) && all == r.everything()) {
            if (newest.equals(r.newest())) {
                return r;
            }
            // the newest rows moved: by the service itself when every row added since is one it announced (their
            // leases were forgotten one by one), else around it too, and then nothing remembered can be trusted
            if (ownRowsOnly(r.newest(), newest)) {
                Remembered moved = new Remembered(day, newest, all, r.leases());
                remembered = moved;
                return moved;
            }
        }
        Remembered fresh = new Remembered(day, newest, all, new ConcurrentHashMap<>());
        remembered = fresh;
        accounted(newest);
        return fresh;
    }

    private boolean ownRowsOnly(LedgerChange.Newest from, LedgerChange.Newest to) {
        if (from.reversals() != to.reversals()) {
            return false;
        }
        LedgerChange.Added since = LedgerChange.between(jdbc, from, to);
        boolean own = ownCharges.containsAll(since.charges()) && ownPayments.containsAll(since.payments())
                && ownLeases.containsAll(since.leases());
        if (own) {
            accounted(to);
        }
        return own;
    }

    /** Own rows up to the newest are explained (or everything was forgotten): no longer needed to explain a move. */
    private void accounted(LedgerChange.Newest upTo) {
        ownCharges.removeIf(id -> id <= upTo.charge());
        ownPayments.removeIf(id -> id <= upTo.payment());
        ownLeases.removeIf(id -> id <= upTo.lease());
    }

    /** The board needs the figures, not each charge's line: 12,000 leases' lines would be most of the memory. */
    private static LeaseArrears strip(LeaseArrears a) {
        return new LeaseArrears(a.leaseId(), a.asOf(), List.of(), a.overdueBalance(), a.lateInterest(), a.oldestUnpaidDue(),
                a.daysOverdue(), a.overdueRent(), a.arrearsMonths(), a.terminationThresholdMonths(),
                a.terminationThresholdReached(), a.credit());
    }
}
