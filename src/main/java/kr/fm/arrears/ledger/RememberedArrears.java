package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Arrears on any date, computed by {@link Ledger#arrears} and remembered per date until the ledger
 * changes: a landlord's list ({@code GET /api/arrears?landlordId=}) and the twelve month ends of the
 * portal's charts are asked for again and again with the same answer, and computing 500 leases'
 * interest charge by charge for each request was the cost. Nothing is stored in the database.
 *
 * <p>Forgotten when the ledger changes: a committed ledger event forgets the leases it names on every
 * date ({@link LedgerChange}), and a fingerprint of the ledger's newest rows, read with each request,
 * forgets everything when rows were added (another instance's payments and charges among them).
 * Bounded: the lines of at most {@link #FULL_LEASES} lease-dates, the figures of at most
 * {@link #FIGURE_LEASES} and {@link #ANSWERS} answers; beyond that an answer is computed and not remembered.
 */
@Component
public class RememberedArrears {

    /** Lease-dates remembered with every charge line (the API's answer: a few KB each). */
    static final int FULL_LEASES = 20_000;
    /** Lease-dates remembered as figures only (a few hundred bytes each). */
    static final int FIGURE_LEASES = 300_000;
    /** Answers made of many leases' arrears ({@link #answer}): a landlord's list as sent is about 140 KB. */
    static final int ANSWERS = 64;

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Memory full = new Memory(FULL_LEASES);
    private final Memory figures = new Memory(FIGURE_LEASES);
    private final Map<Object, Object> answers = new ConcurrentHashMap<>();
    /** Moves on with every change announced; what was computed while it moved is not remembered. */
    private final AtomicLong changes = new AtomicLong();
    /** The ledger's newest rows when last looked at. */
    private volatile LedgerChange.Newest fingerprint;

    RememberedArrears(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** The leases' arrears on {@code asOf} with every charge line; ids of no lease are absent. */
    public Map<Long, LeaseArrears> of(Collection<Long> leaseIds, LocalDate asOf) {
        return read(full, leaseIds, asOf, false);
    }

    /** The same figures without the charge lines: what sums, lists and charts need. */
    public Map<Long, LeaseArrears> figures(Collection<Long> leaseIds, LocalDate asOf) {
        return read(figures, leaseIds, asOf, true);
    }

    /** The figures on each of the dates (a chart's month ends), the ledger's fingerprint read once for them all. */
    public Map<LocalDate, Map<Long, LeaseArrears>> figures(Collection<Long> leaseIds, List<LocalDate> dates) {
        check();
        Map<LocalDate, Map<Long, LeaseArrears>> byDate = new java.util.LinkedHashMap<>();
        for (LocalDate d : dates) {
            byDate.put(d, read(figures, leaseIds, d, true, changes.get()));
        }
        return byDate;
    }

    /**
     * An answer made from the arrears of many leases (a landlord's list as the API sends it, the next steps
     * of a landlord's open cases), remembered under {@code key} until any change of the ledger: it spans
     * too many leases to forget lease by lease. The key must name everything else the answer depends on
     * (the viewer's scope, the date, the paging). Computed again, and not remembered, while the ledger moved.
     */
    @SuppressWarnings("unchecked")
    public <T> T answer(Object key, java.util.function.Supplier<T> compute) {
        long before = changes.get();
        check();
        Object known = answers.get(key);
        if (known != null) {
            return (T) known;
        }
        T computed = compute.get();
        if (changes.get() == before) {
            if (answers.size() >= ANSWERS) {
                answers.clear(); // full: start again rather than keep the oldest for ever
            }
            answers.put(key, computed);
        }
        return computed;
    }

    private Map<Long, LeaseArrears> read(Memory memory, Collection<Long> leaseIds, LocalDate asOf, boolean strip) {
        long before = changes.get();
        check();
        return read(memory, leaseIds, asOf, strip, before);
    }

    private Map<Long, LeaseArrears> read(Memory memory, Collection<Long> leaseIds, LocalDate asOf, boolean strip, long before) {
        Map<Long, LeaseArrears> remembered = memory.on(asOf);
        Map<Long, LeaseArrears> answer = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : leaseIds) {
            LeaseArrears a = remembered.get(id);
            if (a != null) {
                answer.put(id, a);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, LeaseArrears> computed = new HashMap<>();
            ledger.arrears(missing, asOf).forEach((id, a) -> computed.put(id, strip ? strip(a) : a));
            answer.putAll(computed);
            // computed while the ledger changed: good for this answer, perhaps stale already for the next
            if (changes.get() == before) {
                memory.remember(remembered, computed);
            }
        }
        return answer;
    }

    /**
     * The fingerprint moved: rows were added, by this instance or around it. Everything is forgotten
     * either way: an own change since the last look does not prove the move was its own (a corrected
     * deposit moves nothing, and another instance's payment may land beside it), and a landlord's
     * figures are computed again in a fraction of a second.
     */
    private void check() {
        LedgerChange.Newest now = LedgerChange.newest(jdbc);
        if (now.equals(fingerprint)) {
            return;
        }
        synchronized (this) {
            if (!now.equals(fingerprint)) {
                // what is being computed now may have read the new rows half: not to be remembered
                changes.incrementAndGet();
                full.clear();
                figures.clear();
                answers.clear();
                fingerprint = now;
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ledgerChanged(Object event) {
        LedgerChange change = LedgerChange.of(event);
        if (!change.any()) {
            return;
        }
        changes.incrementAndGet();
        answers.clear();
        if (change.everything()) {
            full.clear();
            figures.clear();
        } else {
            full.forget(change.leaseIds());
            figures.forget(change.leaseIds());
        }
    }

    private static LeaseArrears strip(LeaseArrears a) {
        return new LeaseArrears(a.leaseId(), a.asOf(), List.of(), a.overdueBalance(), a.lateInterest(), a.oldestUnpaidDue(),
                a.daysOverdue(), a.overdueRent(), a.arrearsMonths(), a.terminationThresholdMonths(),
                a.terminationThresholdReached(), a.credit());
    }

    /** Lease arrears by date, at most {@code limit} in all. */
    private static final class Memory {
        private final int limit;
        private final Map<LocalDate, Map<Long, LeaseArrears>> byDate = new ConcurrentHashMap<>();
        private final AtomicInteger size = new AtomicInteger();

        Memory(int limit) {
            this.limit = limit;
        }

        Map<Long, LeaseArrears> on(LocalDate date) {
            return byDate.computeIfAbsent(date, d -> new ConcurrentHashMap<>());
        }

        void remember(Map<Long, LeaseArrears> on, Map<Long, LeaseArrears> computed) {
            if (size.addAndGet(computed.size()) > limit) {
                clear(); // full: start again rather than keep the oldest for ever
                return;
            }
            on.putAll(computed);
        }

        void forget(Collection<Long> leaseIds) {
            for (Map<Long, LeaseArrears> on : byDate.values()) {
                for (Long id : leaseIds) {
                    if (on.remove(id) != null) {
                        size.decrementAndGet();
                    }
                }
            }
        }

        void clear() {
            byDate.clear();
            size.set(0);
        }
    }
}
