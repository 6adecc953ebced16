package kr.fm.arrears.messaging;

import kr.fm.arrears.ledger.LeaseScope;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.shared.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox table: every message is a row before it leaves, and its history stays there. */
@Component
@RequiredArgsConstructor
public class Outbox {

    private static final String COLUMNS = """
            id, idempotency_key, case_id, lease_id, tenant_id, stage, channel, kind, recipient, template_code, subject,
            body, html_body, fallback_body, fallback_subject, fallback_of, state, attempts, resends, next_attempt_at,
            last_error, provider_id, created_at, sent_at, delivered_at, due_date, cancel_reason, cancelled_at, sent_in_demo,
            provider_group, landlord_id, attachment_ref, hold_reason, held_at, needs_account""";

    private final JdbcClient jdbc;
    private final Ledger ledger;

    /** Inserts unless a row with the same key exists; the id when inserted. */
    Optional<Long> insert(NewMessage m, Instant now) {
        return Optional.ofNullable(insertAll(List.of(m), now).get(m.idempotencyKey()));
    }

    /**
     * Inserts the messages whose key is not taken yet, in one statement and in the order given (ids
     * follow it); the ids of those inserted, by key.
     */
    Map<String, Long> insertAll(List<NewMessage> messages, Instant now) {
        Map<String, Long> inserted = new HashMap<>();
        if (messages.isEmpty()) {
            return inserted;
        }
        jdbc.sql("""
                INSERT INTO message (idempotency_key, case_id, lease_id, tenant_id, stage, channel, kind, recipient,
                    template_code, subject, body, html_body, fallback_body, fallback_subject, fallback_of, state,
                    next_attempt_at, last_error, hold_reason, held_at, due_date, needs_account, template, due_amount,
                    created_at, updated_at)
                SELECT key, case_id, lease_id, tenant_id, stage, channel, kind, recipient, template_code, subject, body,
                    html, fallback_body, fallback_subject, fallback_of, state,
                    CASE WHEN state = 'QUEUED' THEN CAST(:now AS TIMESTAMPTZ) END,
                    CASE WHEN state <> 'HELD' THEN reason END, CASE WHEN state = 'HELD' THEN reason END,
                    CASE WHEN state = 'HELD' THEN CAST(:now AS TIMESTAMPTZ) END, due, needs_account, template, due_amount,
                    :now, :now
                FROM unnest(CAST(:keys AS TEXT[]), CAST(:caseIds AS BIGINT[]), CAST(:leaseIds AS BIGINT[]),
                    CAST(:tenantIds AS BIGINT[]), CAST(:stages AS TEXT[]), CAST(:channels AS TEXT[]), CAST(:kinds AS TEXT[]),
                    CAST(:recipients AS TEXT[]), CAST(:templateCodes AS TEXT[]), CAST(:subjects AS TEXT[]),
                    CAST(:bodies AS TEXT[]), CAST(:htmls AS TEXT[]), CAST(:fallbackBodies AS TEXT[]),
                    CAST(:fallbackSubjects AS TEXT[]), CAST(:fallbackOfs AS BIGINT[]), CAST(:states AS TEXT[]),
                    CAST(:reasons AS TEXT[]), CAST(CAST(:dueDates AS TEXT[]) AS DATE[]), CAST(:needsAccount AS BOOLEAN[]),
                    CAST(:templates AS TEXT[]), CAST(:dueAmounts AS BIGINT[]))
                    WITH ORDINALITY AS x (key, case_id, lease_id, tenant_id, stage, channel, kind, recipient, template_code,
                        subject, body, html, fallback_body, fallback_subject, fallback_of, state, reason, due, needs_account,
                        template, due_amount, n)
                ORDER BY n
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, idempotency_key""")
                .param("keys", column(messages, NewMessage::idempotencyKey, String[]::new))
                .param("caseIds", column(messages, NewMessage::caseId, Long[]::new))
                .param("leaseIds", column(messages, NewMessage::leaseId, Long[]::new))
                .param("tenantIds", column(messages, NewMessage::tenantId, Long[]::new))
                .param("stages", column(messages, NewMessage::stage, String[]::new))
                .param("channels", column(messages, NewMessage::channel, String[]::new))
                .param("kinds", column(messages, m -> m.kind().name(), String[]::new))
                .param("recipients", column(messages, NewMessage::recipient, String[]::new))
                .param("templateCodes", column(messages, NewMessage::templateCode, String[]::new))
                .param("subjects", column(messages, NewMessage::subject, String[]::new))
                .param("bodies", column(messages, NewMessage::body, String[]::new))
                .param("htmls", column(messages, NewMessage::htmlBody, String[]::new))
                .param("fallbackBodies", column(messages, NewMessage::fallbackBody, String[]::new))
                .param("fallbackSubjects", column(messages, NewMessage::fallbackSubject, String[]::new))
                .param("fallbackOfs", column(messages, NewMessage::fallbackOf, Long[]::new))
                .param("states", column(messages, m -> m.state().name(), String[]::new))
                .param("reasons", column(messages, NewMessage::reason, String[]::new))
                .param("dueDates", column(messages, m -> m.dueDate() == null ? null : m.dueDate().toString(), String[]::new))
                .param("needsAccount", column(messages, NewMessage::needsAccount, Boolean[]::new))
                .param("templates", column(messages, NewMessage::template, String[]::new))
                .param("dueAmounts", column(messages, NewMessage::dueAmount, Long[]::new))
                .param("now", ts(now))
                .query(rs -> {
                    inserted.put(rs.getString("idempotency_key"), rs.getLong("id"));
                });
        return inserted;
    }

    private static <T> T[] column(List<NewMessage> messages, Function<NewMessage, ? extends T> field, IntFunction<T[]> array) {
        return messages.stream().map(field).toArray(array);
    }

    /**
     * Claims up to {@code limit} due rows for one dispatcher: rows another dispatcher has locked are
     * skipped, and a claimed row is SENDING until {@code claimUntil}, so no one else takes it meanwhile.
     * A row whose claim ran out (its dispatcher died) is due again. One statement, its own commit.
     */
    List<Message> claim(Instant now, int limit, Instant claimUntil) {
        return jdbc.sql("""
                UPDATE message SET state = 'SENDING', attempts = attempts + 1, next_attempt_at = :until, updated_at = :now
                WHERE id IN (SELECT id FROM message
                             WHERE state IN ('QUEUED', 'SENDING') AND next_attempt_at <= :now
                             ORDER BY next_attempt_at, id LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                """ + " RETURNING " + COLUMNS)
                .param("now", ts(now)).param("until", ts(claimUntil)).param("limit", limit)
                .query(ROW).list();
    }

    /** Quiet hours: every due row waits until the window opens. */
    int postponeDue(Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE message SET next_attempt_at = :until, updated_at = :now
                WHERE state = 'QUEUED' AND next_attempt_at <= :now""")
                .param("now", ts(now)).param("until", ts(until)).update();
    }

    /** Marks the messages sent, each with its provider's id, in one statement. */
    void markSent(List<Long> ids, List<String> providerIds, boolean demo, Instant now) {
        jdbc.sql("""
                UPDATE message m SET state = 'SENT', provider_id = x.provider, sent_at = :now, next_attempt_at = NULL,
                    last_error = NULL, sent_in_demo = :demo, updated_at = :now
                FROM unnest(CAST(:ids AS BIGINT[]), CAST(:providers AS TEXT[])) AS x (id, provider) WHERE m.id = x.id""")
                .param("ids", ids.toArray(Long[]::new)).param("providers", providerIds.toArray(String[]::new))
                .param("demo", demo).param("now", ts(now)).update();
    }

    /** The provider group that holds these messages, stored (and committed) before they are handed over. */
    void assignGroup(List<Long> ids, String group) {
        jdbc.sql("UPDATE message SET provider_group = ? WHERE id = ANY(?)").params(group, ids.toArray(Long[]::new)).update();
    }

    /** Groups with texts the provider has not reported on since before {@code sentBefore}, oldest first. */
    List<String> unreportedGroups(Instant sentBefore, int limit) {
        return jdbc.sql("""
                SELECT provider_group FROM message WHERE state = 'SENT' AND provider_group IS NOT NULL AND sent_at < ?
                GROUP BY provider_group ORDER BY min(sent_at) LIMIT ?""")
                .params(ts(sentBefore), limit).query(String.class).list();
    }

    /** The SENT messages of a group, locked, by request id. */
    Map<String, Message> sentInGroupForUpdate(String group) {
        Map<String, Message> byRequest = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE provider_group = ? AND state = 'SENT' ORDER BY id FOR UPDATE")
                .param(group).query(ROW).list().forEach(m -> byRequest.put(m.requestId(), m));
        return byRequest;
    }

    /** Cancels claimed messages that are no longer true, each with its reason, in one statement. */
    void markCancelled(List<Long> ids, List<CancelReason> reasons, Instant now) {
        jdbc.sql("""
                UPDATE message m SET state = 'CANCELLED', cancel_reason = x.reason, cancelled_at = :now,
                    next_attempt_at = NULL, hold_reason = NULL, updated_at = :now
                FROM unnest(CAST(:ids AS BIGINT[]), CAST(:reasons AS TEXT[])) AS x (id, reason) WHERE m.id = x.id""")
                .param("ids", ids.toArray(Long[]::new)).param("reasons", reasons.stream().map(Enum::name).toArray(String[]::new))
                .param("now", ts(now)).update();
    }

    /** Claimed messages that cannot say what they must yet: HELD with the reason, in one statement. */
    void markHeld(List<Long> ids, HoldReason reason, Instant now) {
        jdbc.sql("""
                UPDATE message SET state = 'HELD', hold_reason = :reason, held_at = :now, next_attempt_at = NULL,
                    updated_at = :now WHERE id = ANY(:ids)""")
                .param("ids", ids.toArray(Long[]::new)).param("reason", reason.name()).param("now", ts(now)).update();
    }

    /** A held message as rendered again from: its template's base name and an UPCOMING's amount. */
    record HeldRow(Message message, String template, Long dueAmount) {}

    /** The HELD messages of these leases, locked, in id order. */
    List<HeldRow> heldForUpdate(java.util.Collection<Long> leaseIds) {
        return forUpdate("state = 'HELD'", leaseIds);
    }

    /**
     * The QUEUED messages of these leases that print the account and were never handed to a provider,
     * locked (a dispatcher's claim skips them meanwhile), in id order: their text names the account as it was.
     */
    List<HeldRow> queuedPrintingAccountForUpdate(java.util.Collection<Long> leaseIds) {
        return forUpdate("state = 'QUEUED' AND needs_account AND provider_group IS NULL", leaseIds);
    }

    private List<HeldRow> forUpdate(String condition, java.util.Collection<Long> leaseIds) {
        return jdbc.sql("SELECT " + COLUMNS + ", template, due_amount FROM message WHERE " + condition
                        + " AND lease_id = ANY(?) ORDER BY id FOR UPDATE")
                .param(leaseIds.toArray(Long[]::new))
                .query((rs, n) -> new HeldRow(ROW.mapRow(rs, n), rs.getString("template"), nullableLong(rs, "due_amount")))
                .list();
    }

    /** A queued message's text rendered again (the account corrected); it stays QUEUED, due as it was. */
    void rewrite(Message m, NewMessage rendered, Instant now) {
        jdbc.sql("""
                UPDATE message SET kind = :kind, recipient = :recipient, template_code = :code, subject = :subject,
                    body = :body, html_body = :html, fallback_body = :fallbackBody, fallback_subject = :fallbackSubject,
                    updated_at = :now WHERE id = :id AND state = 'QUEUED'""")
                .param("kind", rendered.kind().name()).param("recipient", rendered.recipient())
                .param("code", rendered.templateCode()).param("subject", rendered.subject())
                .param("body", rendered.body()).param("html", rendered.htmlBody()).param("fallbackBody", rendered.fallbackBody())
                .param("fallbackSubject", rendered.fallbackSubject()).param("now", ts(now)).param("id", m.id()).update();
    }

    /** A held message rendered again, back in the queue under its own key: due now (the contact window still applies). */
    void release(Message m, NewMessage rendered, Instant now) {
        jdbc.sql("""
                UPDATE message SET state = 'QUEUED', hold_reason = NULL, kind = :kind, recipient = :recipient,
                    template_code = :code, subject = :subject,
                    body = :body, html_body = :html, fallback_body = :fallbackBody, fallback_subject = :fallbackSubject,
                    next_attempt_at = :now, updated_at = :now WHERE id = :id""")
                .param("kind", rendered.kind().name()).param("recipient", rendered.recipient())
                .param("code", rendered.templateCode()).param("subject", rendered.subject())
                .param("body", rendered.body()).param("html", rendered.htmlBody()).param("fallbackBody", rendered.fallbackBody())
                .param("fallbackSubject", rendered.fallbackSubject()).param("now", ts(now)).param("id", m.id()).update();
    }

    void reschedule(long id, Instant next, String error, Instant now) {
        jdbc.sql("""
                UPDATE message SET state = 'QUEUED', next_attempt_at = :next, last_error = :error, updated_at = :now
                WHERE id = :id""")
                .param("next", ts(next)).param("error", error).param("now", ts(now)).param("id", id).update();
    }

    void markFailed(long id, String error, Instant now) {
        jdbc.sql("""
                UPDATE message SET state = 'FAILED', next_attempt_at = NULL, last_error = :error, hold_reason = NULL,
                    updated_at = :now WHERE id = :id""")
                .param("error", error).param("now", ts(now)).param("id", id).update();
    }

    void markDelivered(long id, Instant now) {
        jdbc.sql("""
                UPDATE message SET state = 'DELIVERED', delivered_at = :now, updated_at = :now WHERE id = :id""")
                .param("now", ts(now)).param("id", id).update();
    }

    /** A FAILED message goes back to the queue with a fresh request id; false when it was not FAILED. */
    boolean requeueFailed(long id, Instant now) {
        return jdbc.sql("""
                UPDATE message SET state = 'QUEUED', attempts = 0, resends = resends + 1, next_attempt_at = :now,
                    provider_group = NULL, updated_at = :now WHERE id = :id AND state = 'FAILED'""")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    /** A message the caller may see: a LANDLORD only those about leases in their own buildings. */
    public Optional<Message> find(Viewer viewer, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE id = :id AND " + IN_SCOPE).param("id", id)
                .param("leases", ledger.scope(viewer, null, null).ids()).query(ROW).optional();
    }

    private static final String IN_SCOPE = LeaseScope.condition("lease_id");

    Optional<Message> findByKeyForUpdate(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE idempotency_key = ? FOR UPDATE").param(key)
                .query(ROW).optional();
    }

    public record Filter(Long caseId, Long leaseId, MessageState state, String channel, int limit, int offset) {}

    public List<Message> list(Viewer viewer, Filter f) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM message
                WHERE (CAST(:caseId AS BIGINT) IS NULL OR case_id = :caseId)
                  AND (CAST(:leaseId AS BIGINT) IS NULL OR lease_id = :leaseId)
                  AND (CAST(:state AS TEXT) IS NULL OR state = :state)
                  AND (CAST(:channel AS TEXT) IS NULL OR channel = :channel)
                  AND """ + IN_SCOPE + """

                ORDER BY id LIMIT :limit OFFSET :offset""")
                .param("leases", ledger.scope(viewer, null, null).ids()).param("caseId", f.caseId()).param("leaseId", f.leaseId())
                .param("state", f.state() == null ? null : f.state().name()).param("channel", f.channel())
                .param("limit", f.limit()).param("offset", f.offset())
                .query(ROW).list();
    }

    public long count(MessageState... states) {
        return jdbc.sql("SELECT count(*) FROM message WHERE state = ANY(?)")
                .param(java.util.Arrays.stream(states).map(Enum::name).toArray(String[]::new))
                .query(Long.class).single();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static final RowMapper<Message> ROW = (rs, n) -> new Message(rs.getLong("id"),
            rs.getString("idempotency_key"), nullableLong(rs, "case_id"), rs.getLong("lease_id"), rs.getLong("tenant_id"),
            rs.getString("stage"), rs.getString("channel"), MessageKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"), rs.getString("template_code"), rs.getString("subject"), rs.getString("body"),
            rs.getString("html_body"), rs.getString("fallback_body"), rs.getString("fallback_subject"),
            nullableLong(rs, "fallback_of"), MessageState.valueOf(rs.getString("state")), rs.getInt("attempts"),
            rs.getInt("resends"), instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("provider_id"),
            instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"),
            rs.getObject("due_date", java.time.LocalDate.class),
            rs.getString("cancel_reason") == null ? null : CancelReason.valueOf(rs.getString("cancel_reason")),
            instant(rs, "cancelled_at"), rs.getBoolean("sent_in_demo"), rs.getString("provider_group"),
            nullableLong(rs, "landlord_id"), rs.getString("attachment_ref"),
            rs.getString("hold_reason") == null ? null : HoldReason.valueOf(rs.getString("hold_reason")),
            instant(rs, "held_at"), rs.getBoolean("needs_account"));
}
