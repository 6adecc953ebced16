package kr.fm.arrears.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for postings (notice_dispatch rows) and their tracking events; the services decide. */
@Component
@RequiredArgsConstructor
class Postings {

    private static final String COLUMNS = """
            SELECT id, notice_id, attempt, channel, receipt_no, registered_no, posted_on, fee, recipient_name,
                   recipient_postcode, recipient_address, delivery_status, delivered_on, receiver, return_reason,
                   tracking_status, tracked_at, tracking_error, requested_by, created_at
            FROM notice_dispatch""";

    private final JdbcClient jdbc;

    /** Every posting of the notice, first first, each with its tracking events in order. */
    List<Posting> of(long noticeId) {
        Map<Long, List<Posting.Event>> events = jdbc.sql("""
                SELECT e.dispatch_id, e.event_date, e.event_time, e.location, e.status, e.detail
                FROM notice_tracking_event e JOIN notice_dispatch d ON d.id = e.dispatch_id
                WHERE d.notice_id = ? ORDER BY e.event_date, e.event_time, e.id""").param(noticeId)
                .query((rs, i) -> Map.entry(rs.getLong(1), new Posting.Event(rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql(COLUMNS + " WHERE notice_id = ? AND status <> 'FAILED' ORDER BY id").param(noticeId)
                .query((rs, i) -> posting(rs, events.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** The posting, row-locked: tracking and corrections of one posting run one at a time. */
    Optional<Posting> lock(long postingId) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(postingId).query((rs, i) -> posting(rs, List.of())).optional();
    }

    int count(long noticeId) {
        return jdbc.sql("SELECT count(*) FROM notice_dispatch WHERE notice_id = ?").param(noticeId).query(Integer.class).single();
    }

    boolean registeredNoTaken(String registeredNo) {
        return jdbc.sql("SELECT count(*) FROM notice_dispatch WHERE registered_no = ?").param(registeredNo)
                .query(Integer.class).single() > 0;
    }

    record NewPosting(long noticeId, int version, int attempt, String receiptNo, String registeredNo, LocalDate postedOn,
            long fee, Recipient recipient, String recordedBy, Instant at) {}

    long insert(NewPosting p) {
        return jdbc.sql("""
                INSERT INTO notice_dispatch (notice_id, version, dispatch_key, status, channel, attempt, receipt_no, registered_no,
                                             posted_on, fee, recipient_name, recipient_postcode, recipient_address,
                                             requested_by, created_at, sent_at)
                VALUES (?, ?, ?, 'SENT', 'POST_OFFICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.noticeId(), p.version(), "notice-" + p.noticeId() + "-v" + p.version() + "-post" + p.attempt(),
                        p.attempt(), p.receiptNo(), p.registeredNo(), p.postedOn(), p.fee(), p.recipient().name(),
                        p.recipient().postcode(), p.recipient().address(), p.recordedBy(), ts(p.at()), ts(p.at()))
                .query(Long.class).single();
    }

    /** Tracking of the posting got this far: the new events are kept (once each); how many were new. */
    int track(long postingId, String status, List<Posting.Event> events, Instant at) {
        int added = 0;
        for (Posting.Event e : events) {
            added += jdbc.sql("""
                    INSERT INTO notice_tracking_event (dispatch_id, event_date, event_time, location, status, detail, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(postingId, e.date(), e.time(), e.location(), e.status(), e.detail(), ts(at)).update();
        }
        jdbc.sql("UPDATE notice_dispatch SET tracking_status = ?, tracked_at = ?, tracking_error = NULL, tracking_failures = 0 WHERE id = ?")
                .params(status, ts(at), postingId).update();
        return added;
    }

    void trackingFailed(long postingId, String error, Instant at) {
        jdbc.sql("""
                UPDATE notice_dispatch SET tracking_error = ?, tracked_at = ?, tracking_failures = tracking_failures + 1
                WHERE id = ?""").params(error, ts(at), postingId).update();
    }

    void delivered(long postingId, LocalDate on, String receiver, Instant at) {
        jdbc.sql("UPDATE notice_dispatch SET delivery_status = 'DELIVERED', delivered_on = ?, receiver = ?, delivery_at = ? WHERE id = ?")
                .params(on, receiver, ts(at), postingId).update();
    }

    void returned(long postingId, LocalDate on, String reason, Instant at) {
        jdbc.sql("UPDATE notice_dispatch SET delivery_status = 'RETURNED', delivered_on = ?, return_reason = ?, delivery_at = ? WHERE id = ?")
                .params(on, reason, ts(at), postingId).update();
    }

    /** A wrong 등기번호 replaced; what tracking recorded under the wrong one was another letter's, so it goes. */
    int correct(long postingId, String registeredNo) {
        int discarded = jdbc.sql("DELETE FROM notice_tracking_event WHERE dispatch_id = ?").param(postingId).update();
        jdbc.sql("UPDATE notice_dispatch SET registered_no = ?, tracking_status = NULL, tracked_at = NULL, tracking_error = NULL WHERE id = ?")
                .params(registeredNo, postingId).update();
        return discarded;
    }

    /** The open postings with a 등기번호 of DISPATCHED notices: what a tracking round asks about. */
    List<Long> toTrack() {
        return jdbc.sql("""
                SELECT d.id FROM notice_dispatch d JOIN notice n ON n.id = d.notice_id
                WHERE d.registered_no IS NOT NULL AND d.delivery_status IS NULL AND d.status = 'SENT' AND n.status = 'DISPATCHED'
                ORDER BY d.id""").query(Long.class).list();
    }

    private static Posting posting(ResultSet rs, List<Posting.Event> events) throws SQLException {
        return new Posting(rs.getLong("id"), rs.getLong("notice_id"), rs.getInt("attempt"), rs.getString("channel"),
                rs.getString("receipt_no"), rs.getString("registered_no"), rs.getObject("posted_on", LocalDate.class),
                (Long) rs.getObject("fee"), rs.getString("recipient_name"), rs.getString("recipient_postcode"),
                rs.getString("recipient_address"), rs.getString("delivery_status"), rs.getObject("delivered_on", LocalDate.class),
                rs.getString("receiver"), rs.getString("return_reason"), rs.getString("tracking_status"),
                instant(rs, "tracked_at"), rs.getString("tracking_error"), rs.getString("requested_by"),
                instant(rs, "created_at"), events);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
