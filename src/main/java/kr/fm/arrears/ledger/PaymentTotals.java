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
