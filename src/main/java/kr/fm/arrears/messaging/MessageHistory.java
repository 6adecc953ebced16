package kr.fm.arrears.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.LeaseScope;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What messaging sent on a landlord's behalf, read set-based for the notice history and its monthly
 * figures (the history module reads the outbox through here, never its table). A message happened
 * when it left, or when it was queued while it has not.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MessageHistory {

    /** Reminders are the messages of these stages; RESOLVED is a thank-you, not a reminder. */
    static final String REMINDER_STAGES = "('UPCOMING', 'REMINDER_1', 'REMINDER_2', 'FINAL_REMINDER')";
    /** The reminders about overdue charges: the ones a payment can be "after". */
    static final String OVERDUE_REMINDER_STAGES = "('REMINDER_1', 'REMINDER_2', 'FINAL_REMINDER')";

    /** One message as the history lists it; {@code cancelReason}: why it was cancelled, or why it is HELD. */
    public record Entry(long id, long leaseId, Instant at, String stage, String channel, String kind, String state,
            String cancelReason, boolean sentInDemo) {}

    /** Reminders the provider accepted (SENT, or DELIVERED once it said so), of them marked sent in demo mode, and delivered. */
    public record Sent(long all, long demo, long delivered) {}

    private static final String ENTRIES = """
            SELECT * FROM (SELECT id, lease_id, coalesce(sent_at, created_at) AS at, stage, channel, kind, state,
                                  coalesce(cancel_reason, hold_reason) AS cancel_reason, sent_in_demo
                           FROM message m WHERE m.lease_id IS NOT NULL AND %s) e
            WHERE (CAST(:state AS TEXT) IS NULL OR state = :state)
            """.formatted(LeaseScope.condition("m.lease_id")) + LeaseScope.SEOUL_DATES;

    private final JdbcClient jdbc;

    /**
     * The next {@code limit} messages of the leases (state and Seoul dates optional), newest first
     * (then highest id), after the keyset position ({@code beforeAt}, {@code beforeId}; null: from the newest).
     */
    public List<Entry> page(LeaseScope leases, String state, LocalDate from, LocalDate to, Instant beforeAt, long beforeId,
            int limit) {
        return jdbc.sql(ENTRIES + LeaseScope.NEWEST_AFTER)
                .param("leases", leases.ids()).param("state", state).param("from", from).param("to", to)
                .param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt)).param("beforeId", beforeId)
                .param("limit", limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getLong("lease_id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("stage"), rs.getString("channel"), rs.getString("kind"), rs.getString("state"),
                        rs.getString("cancel_reason"), rs.getBoolean("sent_in_demo")))
                .list();
    }

    public long count(LeaseScope leases, String state, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM (" + ENTRIES + ") counted")
                .param("leases", leases.ids()).param("state", state).param("from", from).param("to", to)
                .query(Long.class).single();
    }

    /** The reminders of the leases that left in [start, end). */
    public Sent remindersSent(LeaseScope leases, Instant start, Instant end) {
        return remindersByStage(leases, start, end).values().stream()
                .reduce(new Sent(0, 0, 0), (a, b) -> new Sent(a.all() + b.all(), a.demo() + b.demo(), a.delivered() + b.delivered()));
    }

    /** {@link #remindersSent} per stage (the owner's monthly report), only the stages that sent any. */
    public Map<String, Sent> remindersByStage(LeaseScope leases, Instant start, Instant end) {
        Map<String, Sent> byStage = new HashMap<>();
        jdbc.sql("""
                SELECT m.stage, count(*), count(*) FILTER (WHERE m.sent_in_demo), count(*) FILTER (WHERE m.state = 'DELIVERED')
                FROM message m
                WHERE m.sent_at >= :start AND m.sent_at < :end AND m.state IN ('SENT', 'DELIVERED')
                  AND m.stage IN """ + REMINDER_STAGES + " AND " + LeaseScope.condition("m.lease_id") + " GROUP BY m.stage")
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("leases", leases.ids())
                .query(rs -> {
                    byStage.put(rs.getString(1), new Sent(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return byStage;
    }

    /** A lease whose messages need a person: {@code messageId} the message that says why, {@code reason} as recorded. */
    public record Trouble(long leaseId, Long caseId, long messageId, String reason) {}

    /**
     * The leases of tenants no text reaches: every AlimTalk and SMS ever made for the lease was SKIPPED
     * (no mobile number, or opted out), with the newest one's reason.
     */
    public List<Trouble> unreachable(LeaseScope leases) {
        return jdbc.sql("""
                SELECT DISTINCT ON (m.lease_id) m.lease_id, m.case_id, m.id, m.last_error FROM message m
                WHERE m.state = 'SKIPPED' AND m.channel IN ('ALIMTALK', 'SMS') AND """ + LeaseScope.condition("m.lease_id") + """

                  AND NOT EXISTS (SELECT 1 FROM message o WHERE o.lease_id = m.lease_id AND o.channel IN ('ALIMTALK', 'SMS')
                                                          AND o.state <> 'SKIPPED')
                ORDER BY m.lease_id, m.id DESC""")
                .param("leases", leases.ids()).query(MessageHistory::trouble).list();
    }

    /** Messages that FAILED for good: an AlimTalk whose SMS fallback went out is not one of them. */
    public List<Trouble> failed(LeaseScope leases) {
        return jdbc.sql("""
                SELECT m.lease_id, m.case_id, m.id, m.last_error FROM message m
                WHERE m.state = 'FAILED' AND """ + LeaseScope.condition("m.lease_id") + """

                  AND NOT EXISTS (SELECT 1 FROM message f WHERE f.fallback_of = m.id AND f.state <> 'FAILED')
                ORDER BY m.lease_id, m.id""")
                .param("leases", leases.ids()).query(MessageHistory::trouble).list();
    }

    /** How many messages wait HELD, by lease (reminders that must print an account the landlord has not given). */
    public Map<Long, Integer> held(LeaseScope leases) {
        Map<Long, Integer> held = new HashMap<>();
        jdbc.sql("SELECT m.lease_id, count(*) FROM message m WHERE m.state = 'HELD' AND " + LeaseScope.condition("m.lease_id")
                        + " GROUP BY m.lease_id")
                .param("leases", leases.ids()).query(rs -> {
                    held.put(rs.getLong(1), rs.getInt(2));
                });
        return held;
    }

    private static Trouble trouble(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Trouble(rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3), rs.getString(4));
    }

    /** The first day (Asia/Seoul) an overdue reminder of each case left, for the cases that had one. */
    public Map<Long, LocalDate> firstOverdueReminder(Collection<Long> caseIds) {
        Map<Long, LocalDate> first = new HashMap<>();
        if (caseIds.isEmpty()) {
            return first;
        }
        jdbc.sql("""
                SELECT case_id, min(CAST(sent_at AT TIME ZONE 'Asia/Seoul' AS DATE)) FROM message
                WHERE case_id = ANY(:cases) AND sent_at IS NOT NULL AND stage IN """ + OVERDUE_REMINDER_STAGES + """

                GROUP BY case_id""")
                .param("cases", caseIds.toArray(Long[]::new))
                .query(rs -> {
                    first.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return first;
    }
}
