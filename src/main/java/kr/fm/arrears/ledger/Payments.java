package kr.fm.arrears.ledger;

import static kr.fm.arrears.audit.AuditLog.details;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.audit.AuditLog;
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
    private final AuditLog audit;

    public Payments(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
                .map(e -> "was already recorded with another lease, date or amount (" + e.paidOn() + ", " + e.amount() + ")");
    }

    /** Records the payments not seen before; returns the ids of those newly recorded. */
    @Transactional
    public List<Long> record(long leaseId, List<NewPayment> payments, String actor) {
        List<Long> created = new ArrayList<>();
        List<AuditLog.Event> events = new ArrayList<>();
        for (NewPayment p : payments) {
            jdbc.sql("""
                    INSERT INTO payment (lease_id, bank_reference, paid_on, amount, payer_name) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (bank_reference) DO NOTHING RETURNING id""")
                    .params(leaseId, p.bankReference().trim(), p.paidOn(), p.amount(), p.payerName())
                    .query(Long.class).optional()
                    .ifPresent(id -> {
                        created.add(id);
                        events.add(new AuditLog.Event(actor, "PAYMENT_APPLIED", "PAYMENT", String.valueOf(id), leaseId, null,
                                details("bankReference", p.bankReference().trim(), "paidOn", p.paidOn(), "amount", p.amount())));
                    });
        }
        audit.recordAll(events);
        return created;
    }
}
