package kr.fm.arrears.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Won;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly rent and management-fee charges, set-based in one statement per month, at the terms in
 * effect that month ({@code lease_terms}, else the lease's own). A month that has a charge of the kind,
 * live (the unique key on live charges) or cancelled, gets none, so a re-run, a retry or
 * a second instance creates nothing twice and a cancelled charge never comes back; only the rows
 * actually inserted get an audit event.
 */
@Component
public class ChargeGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChargeGenerator.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChargeGenerator(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public record Created(long chargeId, long leaseId, ChargeKind kind, LocalDate dueDate, long amount, long vat) {}

    /** The month's charges for every lease running then; returns those created by this call. */
    @Transactional
    public List<Created> generateMonth(YearMonth month, String actor) {
        return generate(month, null, actor);
    }

    /**
     * Charges of one lease from its start through next month (so that the reminder before a due
     * date early in the month has its charge to point at).
     */
    @Transactional
    public int generateForLease(long leaseId, String actor) {
        LocalDate start = jdbc.sql("SELECT start_date FROM lease WHERE id = ?").param(leaseId).query(LocalDate.class).single();
        int created = 0;
        for (YearMonth m = YearMonth.from(start); !m.isAfter(horizon()); m = m.plusMonths(1)) {
            created += generate(m, leaseId, actor).size();
        }
        return created;
    }

    /** The last month charges are generated for ahead of time: the month after today's. */
    public YearMonth horizon() {
        return YearMonth.from(BusinessTime.today(clock)).plusMonths(1);
    }

    /**
     * A lease whose terms are beyond every bound (written around the checks, e.g. by hand in SQL) gets
     * no charge and an audited error of its own; the month's charges of every other lease are made.
     */
    private void refuseUnbounded(YearMonth month, Long leaseId, String actor) {
        List<Long> unbounded = jdbc.sql("""
                SELECT id FROM lease WHERE (monthly_rent > :max OR management_fee > :max)
                  AND (CAST(:lease AS BIGINT) IS NULL OR id = :lease) ORDER BY id""")
                .param("max", Won.MAX).param("lease", leaseId).query(Long.class).list();
        if (!unbounded.isEmpty()) {
            log.error("no {} charges for lease(s) {}: rent or fee above {}", month, unbounded, Won.format(Won.MAX));
            events.publishEvent(new ChargeGenerationFailed(actor, month, unbounded, "rent or management fee above " + Won.MAX));
        }
    }

    /**
     * A charge entered by hand or imported (utilities, other items); one live charge per lease, kind and
     * month (a cancelled one leaves its place to the corrected bill).
     */
    @Transactional
    public long add(long leaseId, NewCharge c, String actor) {
        long vat = c.vat() == null ? 0 : c.vat();
        Long id = jdbc.sql("""
                INSERT INTO charge (lease_id, kind, period, due_date, amount, vat) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (lease_id, kind, period) WHERE cancelled_at IS NULL DO NOTHING RETURNING id""")
                .params(leaseId, c.kind().name(), c.period().atDay(1), c.dueDate(), c.amount(), vat)
                .query(Long.class).optional()
                .orElseThrow(() -> kr.fm.arrears.shared.InvalidInput.of("period", c.period().toString(),
                        "이 계약에는 그 달의 " + c.kind().korean() + " 청구가 이미 있습니다"));
        events.publishEvent(new ChargesCreated(actor, List.of(new ChargesCreated.Created(id, leaseId, c.kind(), c.period(),
                c.dueDate(), c.amount(), vat))));
        return id;
    }

    private List<Created> generate(YearMonth month, Long leaseId, String actor) {
        refuseUnbounded(month, leaseId, actor);
        List<Created> created = jdbc.sql("""
                INSERT INTO charge (lease_id, kind, period, due_date, amount, vat)
                SELECT l.id, k.kind, :period, d.due, k.amount, CASE WHEN l.vat_applies THEN k.amount / 10 ELSE 0 END
                FROM lease l
                LEFT JOIN LATERAL (SELECT t.monthly_rent, t.management_fee, t.due_day FROM lease_terms t
                                   WHERE t.lease_id = l.id AND t.from_month <= :period
                                   ORDER BY t.from_month DESC, t.id DESC LIMIT 1) t ON TRUE
                CROSS JOIN LATERAL (SELECT make_date(:year, :month, least(coalesce(t.due_day, l.due_day), :days)) AS due) d
                CROSS JOIN LATERAL (VALUES ('RENT', coalesce(t.monthly_rent, l.monthly_rent)),
                                           ('MANAGEMENT_FEE', coalesce(t.management_fee, l.management_fee))) k (kind, amount)
                WHERE d.due BETWEEN l.start_date AND l.end_date
                  AND k.amount > 0 AND l.monthly_rent <= :max AND l.management_fee <= :max
                  AND (CAST(:lease AS BIGINT) IS NULL OR l.id = :lease)
                  AND NOT EXISTS (SELECT 1 FROM charge c WHERE c.lease_id = l.id AND c.kind = k.kind AND c.period = :period
                                                            AND c.cancelled_at IS NOT NULL)
                ON CONFLICT (lease_id, kind, period) WHERE cancelled_at IS NULL DO NOTHING
                RETURNING id, lease_id, kind, due_date, amount, vat""")
                .param("period", month.atDay(1))
                .param("year", month.getYear())
                .param("month", month.getMonthValue())
                .param("days", month.lengthOfMonth())
                .param("lease", leaseId)
                .param("max", Won.MAX)
                .query((rs, n) -> new Created(rs.getLong("id"), rs.getLong("lease_id"), ChargeKind.valueOf(rs.getString("kind")),
                        rs.getObject("due_date", LocalDate.class), rs.getLong("amount"), rs.getLong("vat")))
                .list();
        if (!created.isEmpty()) {
            events.publishEvent(new ChargesCreated(actor, created.stream().map(c -> new ChargesCreated.Created(c.chargeId(),
                    c.leaseId(), c.kind(), month, c.dueDate(), c.amount(), c.vat())).toList()));
        }
        return created;
    }
}
