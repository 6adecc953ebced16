package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Text;
import kr.fm.arrears.shared.Viewer;
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
    private final Clock clock;

    Payments(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
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

    /** A payment as a correction finds it. */
    private record OnFile(long id, long leaseId, String bankReference, LocalDate paidOn, long amount, String payerName,
            boolean reversed, boolean rebooked) {}

    /** The payment, if {@code viewer} may see its lease (a LANDLORD: only their own), locked when it is to be corrected; else 404. */
    private OnFile onFile(Viewer viewer, long paymentId, boolean lock) {
        return jdbc.sql("""
                SELECT p.id, p.lease_id, p.bank_reference, p.paid_on, p.amount, p.payer_name,
                       EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id) AS reversed,
                       EXISTS (SELECT 1 FROM payment n WHERE n.rebooked_from = p.id) AS rebooked
                FROM payment p JOIN lease l ON l.id = p.lease_id JOIN building b ON b.id = l.building_id
                WHERE p.id = :id AND (CAST(:scope AS BIGINT) IS NULL OR b.landlord_id = :scope)""" + (lock ? " FOR UPDATE OF p" : ""))
                .param("id", paymentId).param("scope", viewer.landlordFilter(null))
                .query(OnFile.class).optional().orElseThrow(() -> new NotFound("payment", paymentId));
    }

    /** The lease a payment is on, if {@code viewer} may see it. */
    public long leaseOf(Viewer viewer, long paymentId) {
        return onFile(viewer, paymentId, false).leaseId();
    }

    /** A person reverses a payment with a reason (booked by mistake, a bounced transfer); 409 when it was reversed before. */
    @Transactional
    public void reverse(Viewer viewer, long paymentId, String reason) {
        OnFile p = onFile(viewer, paymentId, true);
        if (!reverse(p.id(), p.leaseId(), Text.reason(reason), viewer.name(), clock.instant())) {
            throw new Conflict("이미 취소된 입금입니다 (입금 " + paymentId + ")");
        }
    }

    /**
     * A payment booked to the wrong lease: reversed there (if it is not yet) and booked again to {@code toLeaseId}
     * with the same date, amount and payer under the reference {@code <its reference>/R<its id>}: the bank
     * reference stays unique, so re-importing the original line still changes nothing. Once only.
     */
    @Transactional
    public long rebook(Viewer viewer, long paymentId, Long toLeaseId, String reason) {
        OnFile p = onFile(viewer, paymentId, true);
        String why = Text.reason(reason);
        if (toLeaseId == null) {
            throw InvalidInput.of("leaseId", null, "옮길 계약을 고르세요");
        }
        if (toLeaseId == p.leaseId()) {
            throw InvalidInput.of("leaseId", toLeaseId, "이 입금이 이미 잡힌 계약입니다; 다른 계약을 고르세요");
        }
        String target = jdbc.sql("""
                SELECT l.code FROM lease l JOIN building b ON b.id = l.building_id
                WHERE l.id = :id AND (CAST(:scope AS BIGINT) IS NULL OR b.landlord_id = :scope)""")
                .param("id", toLeaseId).param("scope", viewer.landlordFilter(null)).query(String.class).optional()
                .orElseThrow(() -> InvalidInput.of("leaseId", toLeaseId, "없는 계약입니다"));
        if (p.rebooked()) {
            throw new Conflict("이미 다른 계약으로 옮긴 입금입니다 (입금 " + paymentId + ")");
        }
        if (!p.reversed()) {
            reverse(p.id(), p.leaseId(), "다른 계약(" + target + ")으로 옮김: " + why, viewer.name(), clock.instant());
        }
        List<Booked> booked = recordAll(List.of(new ToLease(toLeaseId, new NewPayment(p.bankReference() + "/R" + p.id(),
                p.paidOn(), p.amount(), p.payerName()))), viewer.name());
        if (booked.isEmpty()) {
            throw new Conflict("이 입금을 옮길 참조번호가 이미 쓰였습니다. 아무것도 바꾸지 않았습니다");
        }
        long id = booked.get(0).id();
        jdbc.sql("UPDATE payment SET rebooked_from = ? WHERE id = ?").params(p.id(), id).update();
        events.publishEvent(new PaymentRebooked(viewer.name(), p.id(), p.leaseId(), id, toLeaseId, p.amount(), why));
        return id;
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
