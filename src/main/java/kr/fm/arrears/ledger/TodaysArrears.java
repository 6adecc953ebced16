package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Viewer;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Today's arrears of many leases at once, with each lease as people name it and its deposit coverage:
 * what a board sorts, filters and sums over every open case. Computed by the same {@link Ledger#compute}
 * as everywhere else (never stored), and remembered until the ledger changes or the business day turns,
 * so that a board of 12,000 cases answers from memory instead of re-reading 300,000 charges a request.
 *
 * <p>What the ledger changes it announces in an event of this package (every change is audited by one),
 * and any such event, once committed, forgets everything; rows written around the service are caught by
 * a fingerprint of the ledger's newest rows, read with each request (a few index look-ups).
 */
@Component
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

    private record Remembered(LocalDate day, String fingerprint, long generation, Map<Long, Standing> leases) {}

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final LedgerViews views;
    private final DepositFlag flag;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Remembered remembered = new Remembered(null, null, -1, Map.of());

    TodaysArrears(JdbcClient jdbc, Ledger ledger, LedgerViews views, DepositFlag flag, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.views = views;
        this.flag = flag;
        this.clock = clock;
    }

    public LocalDate today() {
        return BusinessTime.today(clock);
    }

    /** These leases today, those {@code viewer} may see (a LANDLORD: only their own); an unknown id is absent. */
    public Map<Long, Standing> of(Viewer viewer, Collection<Long> leaseIds) {
        Remembered r = current();
        List<Long> missing = leaseIds.stream().filter(id -> !r.leases().containsKey(id)).distinct().toList();
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<Long> chunk = missing.subList(from, Math.min(from + CHUNK, missing.size()));
            Ledger.Computed computed = ledger.compute(chunk, r.day());
            for (LedgerViews.LeaseSummary lease : views.leases(Viewer.SYSTEM, chunk)) {
                LeaseArrears a = computed.arrears().get(lease.leaseId());
                r.leases().put(lease.leaseId(), new Standing(lease, a == null ? null : strip(a), a == null ? null : flag.of(lease, a)));
            }
        }
        Long landlord = viewer.landlordFilter(null);
        Map<Long, Standing> result = new HashMap<>();
        for (Long id : leaseIds) {
            Standing s = r.leases().get(id);
            if (s != null && (landlord == null || landlord == s.lease().landlordId())) {
                result.put(id, s);
            }
        }
        return result;
    }

    /** Any committed change of the ledger (an event of this package) makes what was remembered stale. */
    @TransactionalEventListener(fallbackExecution = true)
    void ledgerChanged(Object event) {
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        if (payload.getClass().getPackageName().equals(TodaysArrears.class.getPackageName())) {
            generation.incrementAndGet();
        }
    }

    private Remembered current() {
        LocalDate day = today();
        long gen = generation.get();
        String fingerprint = fingerprint();
        Remembered r = remembered;
        if (day.equals(r.day()) && fingerprint.equals(r.fingerprint()) && gen == r.generation()) {
            return r;
        }
        // read before the new map fills: a change committed meanwhile moves the generation on, and the next request starts again
        Remembered fresh = new Remembered(day, fingerprint, gen, new ConcurrentHashMap<>());
        remembered = fresh;
        return fresh;
    }

    /** The newest rows of the tables the arrears are computed from: a row added around the service changes it. */
    private String fingerprint() {
        return jdbc.sql("""
                SELECT concat_ws('/', (SELECT max(id) FROM charge), (SELECT max(id) FROM payment),
                                      (SELECT count(*) FROM payment_reversal), (SELECT max(id) FROM lease))""")
                .query(String.class).single();
    }

    /** The board needs the figures, not each charge's line: 12,000 leases' lines would be most of the memory. */
    private static LeaseArrears strip(LeaseArrears a) {
        return new LeaseArrears(a.leaseId(), a.asOf(), List.of(), a.overdueBalance(), a.lateInterest(), a.oldestUnpaidDue(),
                a.daysOverdue(), a.overdueRent(), a.arrearsMonths(), a.terminationThresholdMonths(),
                a.terminationThresholdReached(), a.credit());
    }
}
