package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * everything for an event this class does not know (a tenant's corrected name, say: no lease named). Rows written around the service are caught by a
 * fingerprint of the ledger's newest rows, read with each request (a few index look-ups): when it moves
 * without an event, everything is forgotten.
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

    private record Remembered(LocalDate day, String fingerprint, long everything, long additionsSeen, Map<Long, Standing> leases) {}

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final LedgerViews views;
    private final DepositFlag flag;
    private final Clock clock;
    /** Moves on when everything remembered is stale (a ledger event that names no leases). */
    private final AtomicLong everything = new AtomicLong();
    /** Moves on with every change the ledger announces, of some leases or of all. */
    private final AtomicLong changes = new AtomicLong();
    /** Moves on with every change that added rows the fingerprint reads ({@link LedgerChange#addsRows}). */
    private final AtomicLong additions = new AtomicLong();
    private volatile Remembered remembered = new Remembered(null, null, -1, -1, new ConcurrentHashMap<>());

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
        if (LedgerChange.addsRows(event)) {
            additions.incrementAndGet();
        }
        LedgerChange change = LedgerChange.of(event);
        if (change.everything()) {
            everything.incrementAndGet();
            changes.incrementAndGet();
        } else if (change.any()) {
            forget(change.leaseIds());
        }
    }

    private void forget(Collection<Long> leaseIds) {
        changes.incrementAndGet();
        remembered.leases().keySet().removeAll(new java.util.HashSet<>(leaseIds));
    }

    private Remembered current() {
        LocalDate day = today();
        long all = everything.get();
        long seen = additions.get();
        String fingerprint = fingerprint();
        Remembered r = remembered;
        if (day.equals(r.day()) && all == r.everything()) {
            if (fingerprint.equals(r.fingerprint())) {
                return r;
            }
            // the newest rows moved: by the service itself when it announced rows added since (their leases were
            // forgotten one by one), else around it, and then nothing remembered can be trusted
            if (seen != r.additionsSeen()) {
                Remembered moved = new Remembered(day, fingerprint, all, seen, r.leases());
                remembered = moved;
                return moved;
            }
        }
        Remembered fresh = new Remembered(day, fingerprint, all, seen, new ConcurrentHashMap<>());
        remembered = fresh;
        return fresh;
    }

    private String fingerprint() {
        return LedgerChange.fingerprint(jdbc);
    }

    /** The board needs the figures, not each charge's line: 12,000 leases' lines would be most of the memory. */
    private static LeaseArrears strip(LeaseArrears a) {
        return new LeaseArrears(a.leaseId(), a.asOf(), List.of(), a.overdueBalance(), a.lateInterest(), a.oldestUnpaidDue(),
                a.daysOverdue(), a.overdueRent(), a.arrearsMonths(), a.terminationThresholdMonths(),
                a.terminationThresholdReached(), a.credit());
    }
}
