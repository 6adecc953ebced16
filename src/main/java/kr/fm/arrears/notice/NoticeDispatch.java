package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import kr.fm.arrears.ledger.LeaseArrears;
import kr.fm.arrears.ledger.Ledger;
import kr.fm.arrears.notice.internal.NoticeDocument;
import kr.fm.arrears.notice.internal.MailServiceGateway;
import kr.fm.arrears.shared.Backoff;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.Won;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends approved notices through a contracted mail service's API ({@link MailServiceGateway}),
 * exactly once. Off unless {@code arrears.notice.mail-service.enabled}: the default is the manual
 * hand-off at the post office ({@link PostalHandoff}). A request queues one row per approved
 * version (unique dispatch key); the sender attempts due rows one transaction each, holding the
 * row lock during the HTTP call so no two instances send the same letter; failures that may be
 * passing (5xx, timeouts, resets) are retried with {@link Backoff}. Just before each send the
 * arrears are checked again on today's date: a notice whose ground has gone is held back.
 */
@Service
class NoticeDispatch {

    private final NoticeStore store;
    private final NoticeWorkflow workflow;
    private final NoticeDocument document;
    private final java.util.Optional<MailServiceGateway> gateway;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Backoff backoff;

    NoticeDispatch(NoticeStore store, NoticeWorkflow workflow, NoticeDocument document,
            org.springframework.beans.factory.ObjectProvider<MailServiceGateway> gateway, Ledger ledger, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock, NoticeProperties properties) {
        this.store = store;
        this.workflow = workflow;
        this.document = document;
        this.gateway = java.util.Optional.ofNullable(gateway.getIfAvailable());
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        NoticeProperties.MailService service = properties.mailService();
        this.backoff = new Backoff(service.retryBase(), service.retryCap(), service.maxAttempts());
    }

    public enum Outcome { QUEUED, HELD }

    public record Requested(Outcome outcome, String reason) {}

    /** Queues an approved notice for the mail service, or holds it back when its ground has gone. */
    @Transactional
    public Requested request(long noticeId, Viewer who) {
        CertifiedNotice n = store.lock(noticeId);
        n.checkDispatch(who);
        if (gateway.isEmpty()) {
            throw new kr.fm.arrears.shared.Conflict("계약 우편 서비스 연동이 꺼져 있습니다. 우체국 인터넷 내용증명으로 접수한 뒤 "
                    + "접수번호와 등기번호를 기록하세요 (POST /api/notices/" + noticeId + "/postings).");
        }
        Optional<String> gone = groundGone(n);
        if (gone.isPresent()) {
            hold(n, who, gone.get());
            return new Requested(Outcome.HELD, gone.get());
        }
        jdbc.sql("""
                INSERT INTO notice_dispatch (notice_id, version, dispatch_key, status, next_attempt_at, requested_by, created_at)
                VALUES (?, ?, ?, 'PENDING', ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(n.id(), n.version(), "notice-" + n.id() + "-v" + n.version(), ts(now()), who.name(), ts(now()))
                .update();
        return new Requested(Outcome.QUEUED, null);
    }

    /** Attempts every dispatch that is due; returns how many were attempted. */
    public int sendDue() {
        if (gateway.isEmpty()) {
            return 0;
        }
        List<Long> due = jdbc.sql("""
                SELECT id FROM notice_dispatch WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT 50""").param(ts(now())).query(Long.class).list();
        int attempted = 0;
        for (long id : due) {
            if (Boolean.TRUE.equals(tx.execute(s -> attempt(id)))) {
                attempted++;
            }
        }
        return attempted;
    }

    private boolean attempt(long dispatchId) {
        // SKIP LOCKED: another instance is sending this one right now
        Optional<Map<String, Object>> row = jdbc.sql("""
                SELECT notice_id, version, dispatch_key, attempts FROM notice_dispatch
                WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED""")
                .params(dispatchId, ts(now())).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return false;
        }
        long noticeId = ((Number) row.get().get("notice_id")).longValue();
        int version = ((Number) row.get().get("version")).intValue();
        String key = (String) row.get().get("dispatch_key");
        int attempts = ((Number) row.get().get("attempts")).intValue() + 1;
        CertifiedNotice n = store.lock(noticeId);
        Optional<String> gone = n.status() == NoticeStatus.APPROVED && n.version() == version ? groundGone(n)
                : Optional.of("통지서가 지금 " + n.status() + " 상태(판 " + n.version() + ")로, 승인된 판 " + version + "이 아닙니다");
        if (gone.isPresent()) {
            if (n.status() == NoticeStatus.APPROVED) {
                hold(n, Viewer.SYSTEM, gone.get());
            }
            finish(dispatchId, "FAILED", attempts, "held back: " + gone.get());
            return true;
        }
        NoticeDocument.Addresses to = document.addresses(n.leaseId());
        byte[] pdf = store.approved(noticeId, version).orElseThrow().pdf();
        try {
            String receipt = gateway.get().send(new MailServiceGateway.Letter(key, "notice-" + noticeId + ".pdf", pdf, to.sender(), to.recipient()));
            jdbc.sql("""
                    UPDATE notice_dispatch SET status = 'SENT', attempts = ?, receipt_no = ?, sent_at = ?, next_attempt_at = NULL,
                                               last_error = NULL WHERE id = ?""")
                    .params(attempts, receipt, ts(now()), dispatchId).update();
            n.dispatched();
            store.saved(n, new NoticeMailed(Viewer.SYSTEM.name(), noticeId, n.leaseId(), version, receipt, key, attempts));
        } catch (MailServiceGateway.Failure f) {
            if (f.retryable() && backoff.canRetry(attempts)) {
                Instant next = backoff.next(now(), attempts, f.retryAfter(), RandomGenerator.getDefault());
                jdbc.sql("UPDATE notice_dispatch SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                        .params(attempts, ts(next), f.getMessage(), dispatchId).update();
            } else {
                finish(dispatchId, "FAILED", attempts, f.getMessage());
                store.saved(n, new NoticeMailingFailed(Viewer.SYSTEM.name(), noticeId, n.leaseId(), version, key, attempts,
                        f.getMessage()));
            }
        }
        return true;
    }

    /** Delivery news from the mail service (webhook or polling); a repeated report changes nothing. */
    @Transactional
    public void delivery(String receiptNo, boolean delivered) {
        Map<String, Object> row = jdbc.sql("SELECT id, notice_id, delivery_status FROM notice_dispatch WHERE receipt_no = ? FOR UPDATE")
                .param(receiptNo).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFound("dispatch with receipt", receiptNo));
        if (row.get("delivery_status") != null) {
            return;
        }
        jdbc.sql("UPDATE notice_dispatch SET delivery_status = ?, delivery_at = ?, delivered_on = ? WHERE id = ?")
                .params(delivered ? "DELIVERED" : "RETURNED", ts(now()), BusinessTime.today(clock), row.get("id")).update();
        CertifiedNotice n = store.lock(((Number) row.get("notice_id")).longValue());
        if (delivered) {
            n.delivered();
        } else {
            n.returned();
        }
        store.saved(n, new NoticeMailReported(Viewer.SYSTEM.name(), n.id(), n.leaseId(), receiptNo, delivered));
    }

    /** The dispatch rows of a notice, newest first, for the API. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> status(Viewer viewer, long noticeId) {
        workflow.get(viewer, noticeId);
        return jdbc.sql("""
                SELECT id, version, dispatch_key, channel, attempt, status, attempts, next_attempt_at, last_error, receipt_no,
                       registered_no, posted_on, fee, recipient_name, recipient_postcode, recipient_address, delivery_status,
                       delivered_on, receiver, return_reason, tracking_status, tracked_at, tracking_error,
                       requested_by, created_at, sent_at, delivery_at
                FROM notice_dispatch WHERE notice_id = ? ORDER BY id DESC""").param(noticeId).query().listOfRows();
    }

    /**
     * Why the notice should no longer go out, if so (SPEC): a demand with nothing left to demand,
     * or a termination whose unpaid rent fell below the legal threshold.
     */
    Optional<String> groundGone(CertifiedNotice n) {
        LocalDate today = BusinessTime.today(clock);
        LeaseArrears a = ledger.arrears(n.leaseId(), today).orElseThrow();
        if (n.kind() == NoticeKind.DEMAND && !a.inArrears()) {
            return Optional.of("더 청구할 것이 없습니다: " + today + " 현재 연체액이 0원입니다");
        }
        if (n.kind() == NoticeKind.TERMINATION && !a.terminationThresholdReached()) {
            return Optional.of("미납 차임 " + Won.format(a.overdueRent()) + "(" + today + " 현재)이 "
                    + a.terminationThresholdMonths() + "기의 차임액에 못 미칩니다");
        }
        return Optional.empty();
    }

    void hold(CertifiedNotice n, Viewer who, String reason) {
        n.hold(reason);
        store.saved(n, new NoticeHeld(who.name(), n.id(), n.leaseId(), n.version(), reason));
    }

    private void finish(long dispatchId, String status, int attempts, String error) {
        jdbc.sql("UPDATE notice_dispatch SET status = ?, attempts = ?, last_error = ?, next_attempt_at = NULL WHERE id = ?")
                .params(status, attempts, error, dispatchId).update();
    }

    private Instant now() {
        return BusinessTime.now(clock);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
