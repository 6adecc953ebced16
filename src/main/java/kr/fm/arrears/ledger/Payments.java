package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money received. The bank reference is the key: recording the same payment again changes nothing,
 * and the same reference with another amount, date or lease is refused as a conflict.
 */
@Component
public class Payments {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Payments(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public record Existing(long id, long leaseId, LocalDate paidOn, long amount) {}

    public Optional<Existing> byReference(String bankReference) {
        return jdbc.sql("SELECT id, lease_id, paid_on, amount FROM payment WHERE bank_reference = ?")
                .param(bankReference.trim())
                .query((rs, n) -> new Existing(rs.getLong("id"), rs.getLong("lease_id"),
                        rs.getObject("paid_on", LocalDate.class), rs.getLong("amount")))
                .optional();
    }

    /** Why this payment cannot be recorded as given, or empty when it can (new, or the same as recorded). */
    public Optional<String> conflict(long leaseId, NewPayment p) {
        return byReference(p.bankReference())
                .filter(e -> e.leaseId() != leaseId || !e.paidOn().equals(p.paidOn()) || e.amount() != p.amount())
                .map(e -> "이미 다른 계약·날짜·금액으로 기록된 참조입니다 (" + e.paidOn() + ", " + e.amount() + "원)");
    }

    /** Records the payments not seen before; returns the ids of those newly recorded. */
    @Transactional
    public List<Long> record(long leaseId, List<NewPayment> payments, String actor) {
        return recordAll(payments.stream().map(p -> new ToLease(leaseId, p)).toList(), actor).stream().map(Booked::id).toList();
    }

    /**
     * Reverses a payment with a reason: the row stays, a reversal is recorded, and every balance leaves
     * the payment out from then on. Reversing it again changes nothing.
     */
    @Transactional
    public boolean reverse(long paymentId, long leaseId, String reason, String actor, java.time.Instant at) {
        boolean reversed = jdbc.sql("""
                INSERT INTO payment_reversal (payment_id, reason, reversed_by, reversed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(paymentId, reason, actor, java.sql.Timestamp.from(at)).update() > 0;
        if (reversed) {
            events.publishEvent(new PaymentReversed(actor, paymentId, leaseId, reason));
        }
        return reversed;
    }

    /** A payment for a lease. */
    public record ToLease(long leaseId, NewPayment payment) {}

    /** A payment recorded: its id, lease and bank reference. */
    public record Booked(long id, long leaseId, String bankReference) {}

    /**
     * Records the payments not seen before, in one statement whatever their number (a bank statement
     * of 50,000 lines); the newly recorded ones are published as one {@link PaymentsApplied}.
     */
    @Transactional
    public List<Booked> recordAll(List<ToLease> payments, String actor) {
        if (payments.isEmpty()) {
            return List.of();
        }
        int n = payments.size();
        Long[] leases = new Long[n];
        String[] refs = new String[n];
        String[] dates = new String[n]; // as text: the driver binds no LocalDate[]
        Long[] amounts = new Long[n];
        String[] payers = new String[n];
        java.util.Map<String, NewPayment> byRef = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            NewPayment p = payments.get(i).payment();
            leases[i] = payments.get(i).leaseId();
            refs[i] = p.bankReference().trim();
            dates[i] = p.paidOn().toString();
            amounts[i] = p.amount();
            payers[i] = p.payerName();
            byRef.putIfAbsent(refs[i], p);
        }
        List<Booked> created = jdbc.sql("""
                INSERT INTO payment (lease_id, bank_reference, paid_on, amount, payer_name)
                SELECT l, r, d, a, p FROM unnest(?::bigint[], ?::text[], ?::date[], ?::bigint[], ?::text[])
                  WITH ORDINALITY AS t(l, r, d, a, p, o) ORDER BY o
                ON CONFLICT (bank_reference) DO NOTHING RETURNING id, lease_id, bank_reference""")
                .params(leases, refs, dates, amounts, payers)
                .query((rs, i) -> new Booked(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        List<PaymentsApplied.Applied> applied = new ArrayList<>(created.size());
        for (Booked b : created) {
            NewPayment p = byRef.get(b.bankReference());
            applied.add(new PaymentsApplied.Applied(b.id(), b.leaseId(), b.bankReference(), p.paidOn(), p.amount()));
        }
        if (!applied.isEmpty()) {
            events.publishEvent(new PaymentsApplied(actor, applied));
        }
        return created;
    }
}
