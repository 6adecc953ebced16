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
 * <p>Forgotten like {@link TodaysArrears}: a committed ledger event forgets the leases it names on every
 * date ({@link LedgerChange}), and a fingerprint of the ledger's newest rows, read with each request,
 * forgets everything when rows were added around this instance (another instance's payments and
 * charges). Bounded: the lines of at most {@link #FULL_LEASES} lease-dates and the figures of at most
 * {@link #FIGURE_LEASES}; beyond that an answer is computed and not remembered.
 */
@Component
public class RememberedArrears {

    /** Lease-dates remembered with every charge line (the API's answer: a few KB each). */
    static final int FULL_LEASES = 20_000;
    /** Lease-dates remembered as figures only (a few hundred bytes each). */
    static final int FIGURE_LEASES = 300_000;

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Memory full = new Memory(FULL_LEASES);
    private final Memory figures = new Memory(FIGURE_LEASES);
    /** Moves on with every change announced; what was computed while it moved is not remembered. */
    private final AtomicLong changes = new AtomicLong();
    private record Checked(String fingerprint, long changesSeen) {}

    private volatile Checked checked = new Checked(null, -1);

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
     * The fingerprint moved: by this instance's own changes when it announced some since the last look
     * (they were forgotten lease by lease), else by rows added around it, and then nothing remembered
     * can be trusted.
     */
    private void check() {
        String now = LedgerChange.fingerprint(jdbc);
        Checked last = checked;
        if (now.equals(last.fingerprint())) {
            return;
        }
        synchronized (this) {
            long seen = changes.get();
            if (seen == checked.changesSeen()) {
                full.clear();
                figures.clear();
            }
            checked = new Checked(now, seen);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ledgerChanged(Object event) {
        LedgerChange change = LedgerChange.of(event);
        if (!change.any()) {
            return;
        }
        changes.incrementAndGet();
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
