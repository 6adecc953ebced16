package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.Collection;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Money received, summed set-based for other modules' figures (the history's monthly summary). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PaymentTotals {

    /** Payments of a lease dated from {@code from} to {@code to}, inclusive. */
    public record Window(long leaseId, LocalDate from, LocalDate to) {}

    private final JdbcClient jdbc;

    /** The won of the payments (not reversed) dated from {@code from} to {@code to} on the leases of the scope. */
    public long paidBetween(LeaseScope leases, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(p.amount), 0) FROM payment p
                WHERE p.paid_on BETWEEN :from AND :to AND """ + LeaseScope.condition("p.lease_id") + """
                  AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id)""")
                .param("from", from).param("to", to).param("leases", leases.ids()).query(Long.class).single();
    }

    /** The won of the payments (not reversed) of these leases by the month they are dated in, from {@code first} to {@code last}; months without any are absent. */
    public java.util.Map<java.time.YearMonth, Long> paidByMonth(Collection<Long> leaseIds, java.time.YearMonth first,
            java.time.YearMonth last) {
        java.util.Map<java.time.YearMonth, Long> byMonth = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT CAST(date_trunc('month', p.paid_on) AS DATE), sum(p.amount) FROM payment p
                WHERE p.lease_id = ANY(:leases) AND p.paid_on BETWEEN :from AND :to
                  AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id)
                GROUP BY 1""")
                .param("leases", leaseIds.toArray(Long[]::new)).param("from", first.atDay(1)).param("to", last.atEndOfMonth())
                .query((rs, i) -> java.util.Map.entry(java.time.YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2)))
                .list().forEach(e -> byMonth.put(e.getKey(), e.getValue()));
        return byMonth;
    }

    /** The won of the payments (not reversed) falling in any of the windows, each payment counted once. */
    public long paidWithin(Collection<Window> windows) {
        if (windows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT coalesce(sum(p.amount), 0) FROM payment p
                WHERE p.lease_id = ANY(:leases)
                  AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id)
                  AND EXISTS (SELECT 1 FROM unnest(CAST(:leases AS BIGINT[]), CAST(CAST(:froms AS TEXT[]) AS DATE[]),
                                                   CAST(CAST(:tos AS TEXT[]) AS DATE[])) AS w (lease_id, from_on, to_on)
                              WHERE w.lease_id = p.lease_id AND p.paid_on BETWEEN w.from_on AND w.to_on)""")
                .param("leases", windows.stream().map(Window::leaseId).toArray(Long[]::new))
                .param("froms", windows.stream().map(w -> w.from().toString()).toArray(String[]::new))
                .param("tos", windows.stream().map(w -> w.to().toString()).toArray(String[]::new))
                .query(Long.class).single();
    }
}
