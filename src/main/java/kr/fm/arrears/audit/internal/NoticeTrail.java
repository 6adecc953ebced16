package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.internal.AuditLog.details;

import java.util.Map;
import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.notice.BundleDownloaded;
import kr.fm.arrears.notice.NoticeApproved;
import kr.fm.arrears.notice.NoticeConsentRefused;
import kr.fm.arrears.notice.NoticeConsented;
import kr.fm.arrears.notice.NoticeDelivered;
import kr.fm.arrears.notice.NoticeEdited;
import kr.fm.arrears.notice.NoticeHeld;
import kr.fm.arrears.notice.NoticeMailReported;
import kr.fm.arrears.notice.NoticeMailed;
import kr.fm.arrears.notice.NoticeMailingFailed;
import kr.fm.arrears.notice.NoticePdfDownloaded;
import kr.fm.arrears.notice.PlanAgreementDownloaded;
import kr.fm.arrears.notice.NoticePosted;
import kr.fm.arrears.notice.NoticeRejected;
import kr.fm.arrears.notice.NoticeReturned;
import kr.fm.arrears.notice.NoticeSubmitted;
import kr.fm.arrears.notice.NoticeTracked;
import kr.fm.arrears.notice.NoticesDrafted;
import kr.fm.arrears.notice.ProofAttached;
import kr.fm.arrears.notice.ProofDownloaded;
import kr.fm.arrears.notice.RegisteredNoCorrected;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happened to certified notices, as the audit log keeps it: every row about subject NOTICE.
 * Listeners run in the publisher's transaction, so a notice's change and its audit event commit or
 * roll back together.
 */
@Component
@RequiredArgsConstructor
class NoticeTrail {

    private static final String NOTICE = "NOTICE";

    private final AuditLog log;

    /** One page of drafts, one lock of the chain. */
    @EventListener
    void on(NoticesDrafted e) {
        log.recordAll(e.notices().stream().map(d -> new AuditLog.Event(e.actor(), AuditAction.NOTICE_DRAFTED, NOTICE,
                String.valueOf(d.noticeId()), d.leaseId(), null, details("caseId", d.caseId(), "kind", d.kind(), "version", 1)))
                .toList());
    }

    @EventListener
    void on(NoticeEdited e) {
        Map<String, Object> details = details("version", e.version(), "status", e.status(), "diff", e.diff());
        if (e.consentWithdrawn() != null) {
            details.put("consentWithdrawn", e.consentWithdrawn());
        }
        notice(AuditAction.NOTICE_EDITED, e.actor(), e.noticeId(), e.leaseId(), null, details);
    }

    @EventListener
    void on(NoticeSubmitted e) {
        notice(AuditAction.NOTICE_SUBMITTED, e.actor(), e.noticeId(), e.leaseId(), null, details("version", e.version()));
    }

    @EventListener
    void on(NoticeConsented e) {
        notice(AuditAction.NOTICE_CONSENTED, e.actor(), e.noticeId(), e.leaseId(), null, details("version", e.version()));
    }

    @EventListener
    void on(NoticeConsentRefused e) {
        notice(AuditAction.NOTICE_CONSENT_REFUSED, e.actor(), e.noticeId(), e.leaseId(), e.reason(), details("version", e.version()));
    }

    @EventListener
    void on(NoticeRejected e) {
        notice(AuditAction.NOTICE_REJECTED, e.actor(), e.noticeId(), e.leaseId(), e.reason(), details("version", e.version()));
    }

    @EventListener
    void on(NoticeApproved e) {
        notice(AuditAction.NOTICE_APPROVED, e.actor(), e.noticeId(), e.leaseId(), null, details("version", e.version(),
                "documentNo", e.documentNo(), "sha256", e.sha256(), "verificationCode", e.verificationCode()));
    }

    @EventListener
    void on(NoticeHeld e) {
        notice(AuditAction.NOTICE_HELD, e.actor(), e.noticeId(), e.leaseId(), e.reason(), details("version", e.version()));
    }

    @EventListener
    void on(NoticeMailed e) {
        notice(AuditAction.NOTICE_DISPATCHED, e.actor(), e.noticeId(), e.leaseId(), null, details("version", e.version(),
                "receiptNo", e.receiptNo(), "dispatchKey", e.dispatchKey(), "attempts", e.attempts()));
    }

    @EventListener
    void on(NoticeMailingFailed e) {
        notice(AuditAction.NOTICE_DISPATCH_FAILED, e.actor(), e.noticeId(), e.leaseId(), e.reason(), details("version", e.version(),
                "dispatchKey", e.dispatchKey(), "attempts", e.attempts()));
    }

    @EventListener
    void on(NoticeMailReported e) {
        notice(e.delivered() ? AuditAction.NOTICE_DELIVERED : AuditAction.NOTICE_RETURNED, e.actor(), e.noticeId(), e.leaseId(),
                null, details("receiptNo", e.receiptNo()));
    }

    @EventListener
    void on(NoticePosted e) {
        Map<String, Object> details = details("channel", "POST_OFFICE", "postingId", e.postingId(), "attempt", e.attempt(),
                "version", e.version(), "receiptNo", e.receiptNo(), "registeredNo", e.registeredNo(), "postedOn", e.postedOn(),
                "fee", e.fee(), "recipientPostcode", e.recipientPostcode());
        if (e.again()) {
            details.put("recipientAddress", e.recipientAddress());
        }
        notice(AuditAction.NOTICE_DISPATCHED, e.actor(), e.noticeId(), e.leaseId(), e.reason(), details);
    }

    @EventListener
    void on(RegisteredNoCorrected e) {
        notice(AuditAction.NOTICE_REGISTERED_NO_CORRECTED, e.actor(), e.noticeId(), e.leaseId(), e.reason(),
                details("postingId", e.postingId(), "from", e.from(), "to", e.to(), "trackingEventsDiscarded",
                        e.trackingEventsDiscarded()));
    }

    @EventListener
    void on(NoticeTracked e) {
        notice(AuditAction.NOTICE_TRACKED, e.actor(), e.noticeId(), e.leaseId(), null, details("postingId", e.postingId(),
                "registeredNo", e.registeredNo(), "newEvents", e.newEvents(), "last", e.last()));
    }

    @EventListener
    void on(NoticeDelivered e) {
        notice(AuditAction.NOTICE_DELIVERED, e.actor(), e.noticeId(), e.leaseId(), null, details("postingId", e.postingId(),
                "registeredNo", e.registeredNo(), "deliveredOn", e.deliveredOn(), "receiver", e.receiver()));
    }

    @EventListener
    void on(NoticeReturned e) {
        notice(AuditAction.NOTICE_RETURNED, e.actor(), e.noticeId(), e.leaseId(), e.reason(), details("postingId", e.postingId(),
                "registeredNo", e.registeredNo(), "returnedOn", e.returnedOn()));
    }

    @EventListener
    void on(ProofAttached e) {
        notice(AuditAction.NOTICE_PROOF_ATTACHED, e.actor(), e.noticeId(), e.leaseId(), null, details("proofId", e.proofId(),
                "kind", e.kind(), "fileName", e.fileName(), "size", e.size(), "sha256", e.sha256(), "postingId", e.postingId()));
    }

    @EventListener
    void on(NoticePdfDownloaded e) {
        notice(AuditAction.DOCUMENT_DOWNLOADED, e.actor(), e.noticeId(), e.leaseId(), null, details("document", "NOTICE_PDF",
                "version", e.version(), "documentNo", e.documentNo(), "sha256", e.sha256()));
    }

    @EventListener
    void on(PlanAgreementDownloaded e) {
        log.record(AuditAction.DOCUMENT_DOWNLOADED, e.actor(), "CASE", String.valueOf(e.caseId()), e.leaseId(), null,
                details("document", "PAYMENT_PLAN_PDF", "planId", e.planId(), "sha256", e.sha256()));
    }

    @EventListener
    void on(ProofDownloaded e) {
        notice(AuditAction.DOCUMENT_DOWNLOADED, e.actor(), e.noticeId(), e.leaseId(), null, details("document", e.kind(),
                "proofId", e.proofId(), "sha256", e.sha256()));
    }

    /** One row per letter of the bundle, each saying how many letters it held. */
    @EventListener
    void on(BundleDownloaded e) {
        log.recordAll(e.letters().stream().map(l -> new AuditLog.Event(e.actor(), AuditAction.DOCUMENT_DOWNLOADED, NOTICE,
                String.valueOf(l.noticeId()), l.leaseId(), null, details("document", "POST_OFFICE_BUNDLE", "documentNo",
                        l.documentNo(), "sha256", l.sha256(), "letters", e.letters().size()))).toList());
    }

    private void notice(AuditAction action, String actor, long noticeId, long leaseId, String reason, Map<String, ?> details) {
        log.record(action, actor, NOTICE, noticeId, leaseId, reason, details);
    }
}
