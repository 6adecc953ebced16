package kr.fm.arrears.bank;

import java.util.List;
import kr.fm.arrears.ledger.PaymentRebooked;
import kr.fm.arrears.ledger.PaymentReversed;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a bank line's match true when the ledger corrects one of its payments, in the correction's
 * transaction. A payment reversed in the ledger no longer stands for its line, which waits for a
 * person again once none of its payments is left (as after the queue's own 되돌리기); a payment
 * re-booked to another lease takes the line's match with it, so the deposit is neither booked twice
 * from the queue nor shown waiting though it is booked.
 */
@Component
@RequiredArgsConstructor
class PaymentCorrections {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    @EventListener
    void on(PaymentReversed e) {
        List<BankLineReversed.Reversed> link = jdbc.sql("""
                UPDATE bank_line_payment SET reversed = TRUE WHERE payment_id = ? AND NOT reversed
                RETURNING bank_line_id""").param(e.paymentId())
                .query((rs, n) -> new BankLineReversed.Reversed(e.paymentId(), e.leaseId())).list();
        if (link.isEmpty()) {
            return; // not a bank line's payment, or the queue reversed the line itself
        }
        jdbc.sql("""
                UPDATE bank_line l SET state = 'UNMATCHED', decided_by = NULL
                FROM bank_line_payment p
                WHERE p.payment_id = ? AND l.id = p.bank_line_id AND l.state = 'MATCHED'
                  AND NOT EXISTS (SELECT 1 FROM bank_line_payment o WHERE o.bank_line_id = l.id AND NOT o.reversed)
                RETURNING l.id, l.amount""").param(e.paymentId())
                .query((rs, n) -> new BankLineReversed(e.actor(), rs.getLong(1), e.reason(), rs.getLong(2), link)).list()
                .forEach(events::publishEvent);
    }

    @EventListener
    void on(PaymentRebooked e) {
        // the reversal of the wrong booking came first (same transaction) and left the line waiting
        List<Long> lines = jdbc.sql("""
                INSERT INTO bank_line_payment (bank_line_id, lease_id, amount, payment_id, rule)
                SELECT bank_line_id, ?, amount, ?, 'MANUAL' FROM bank_line_payment WHERE payment_id = ?
                RETURNING bank_line_id""").params(e.toLeaseId(), e.toPaymentId(), e.fromPaymentId()).query(Long.class).list();
        if (!lines.isEmpty()) {
            jdbc.sql("UPDATE bank_line SET state = 'MATCHED', decided_by = ? WHERE id = ANY(?)")
                    .params(e.actor(), lines.toArray(Long[]::new)).update();
        }
    }
}
