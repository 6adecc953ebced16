package kr.fm.arrears.notice;

import kr.fm.arrears.shared.Viewer.Role;
import kr.fm.arrears.shared.Viewer;
import static kr.fm.arrears.notice.NoticeStatus.APPROVED;
import static kr.fm.arrears.notice.NoticeStatus.DELIVERED;
import static kr.fm.arrears.notice.NoticeStatus.DISPATCHED;
import static kr.fm.arrears.notice.NoticeStatus.DRAFT;
import static kr.fm.arrears.notice.NoticeStatus.PENDING_APPROVAL;
import static kr.fm.arrears.notice.NoticeStatus.REJECTED;
import static kr.fm.arrears.notice.NoticeStatus.RETURNED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import kr.fm.arrears.shared.Conflict;

/**
 * A certified notice and the one place its lifecycle is enforced (SPEC): DRAFT → PENDING_APPROVAL →
 * APPROVED or REJECTED → DISPATCHED → DELIVERED or RETURNED. Every method checks the state and the
 * actor first and throws {@link Conflict} (409) or {@link NotAllowed} (403) without changing anything.
 */
public final class CertifiedNotice {

    /** The longest reason a rejection may give, for the API and the approval page alike. */
    public static final int REASON_MAX = 1_000;

    private final long id;
    private final long caseId;
    private final long leaseId;
    private final NoticeKind kind;
    private final LocalDate draftedOn;
    private NoticeStatus status;
    private int version;
    private String lastEditor;
    private String submittedBy;
    private String consentBy;
    private Instant consentAt;
    private String decidedBy;
    private Instant decidedAt;
    private String reason;

    CertifiedNotice(long id, long caseId, long leaseId, NoticeKind kind, LocalDate draftedOn, NoticeStatus status,
            int version, String lastEditor, String submittedBy, String consentBy, Instant consentAt, String decidedBy,
            Instant decidedAt, String reason) {
        this.id = id;
        this.caseId = caseId;
        this.leaseId = leaseId;
        this.kind = kind;
        this.draftedOn = draftedOn;
        this.status = status;
        this.version = version;
        this.lastEditor = lastEditor;
        this.submittedBy = submittedBy;
        this.consentBy = consentBy;
        this.consentAt = consentAt;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.reason = reason;
    }

    /**
     * A new version by a MANAGER. A rejected, held or returned notice goes back to DRAFT with it (a
     * returned one is redrafted: its approved version and postings stay as they were); one waiting
     * for approval keeps waiting, now for a MANAGER other than its editor. A landlord's consent was
     * given to the old wording, so it is withdrawn and must be given to the new one. The new wording
     * must keep within the notice's limits ({@link NoticeContent#check}), however it was entered.
     */
    void edit(Viewer who, NoticeContent wording) {
        requireRole(who, Role.MANAGER, "edit");
        requireStatus("edit", DRAFT, PENDING_APPROVAL, REJECTED, RETURNED);
        wording.check();
        version++;
        lastEditor = who.name();
        if (status != PENDING_APPROVAL) {
            status = DRAFT;
        }
        reason = null;
        consentBy = null;
        consentAt = null;
    }

    void submit(Viewer who) {
        requireRole(who, Role.MANAGER, "submit");
        requireStatus("submit", DRAFT);
        status = PENDING_APPROVAL;
        submittedBy = who.name();
    }

    /** The LANDLORD agrees that the termination may be sent (the lease is theirs to end). */
    void consent(Viewer who, Instant at) {
        requireRole(who, Role.LANDLORD, "consent to");
        if (kind != NoticeKind.TERMINATION) {
            throw new Conflict("임대인의 동의는 해지 통지서에만 필요합니다");
        }
        requireStatus("consent to", DRAFT, PENDING_APPROVAL);
        consentBy = who.name();
        consentAt = at;
    }

    /**
     * The LANDLORD refuses the termination, saying why: the notice goes back to the MANAGER (REJECTED,
     * not dispatchable) with the reason; an edit makes a new draft, which needs a new consent. SPEC
     * names only the consent, so refusing is a rejection by the one whose lease it would end.
     */
    void refuseConsent(Viewer who, Instant at, String why) {
        requireRole(who, Role.LANDLORD, "refuse consent to");
        if (kind != NoticeKind.TERMINATION) {
            throw new Conflict("임대인의 동의는 해지 통지서에만 필요합니다");
        }
        requireStatus("refuse consent to", DRAFT, PENDING_APPROVAL);
        checkReason(why, "동의하지 않는 이유를 적어 주세요");
        status = REJECTED;
        consentBy = null;
        consentAt = null;
        decidedBy = who.name();
        decidedAt = at;
        reason = why;
    }

    /**
     * Throws unless {@code who} may approve now: MANAGER, neither the last editor nor the one who submitted
     * it (a draft of the run has SYSTEM as its editor: its submitter is the first pair of eyes), consent if
     * TERMINATION.
     */
    void checkApproval(Viewer who) {
        requireRole(who, Role.MANAGER, "approve");
        requireStatus("approve", PENDING_APPROVAL);
        if (who.name().equals(lastEditor)) {
            throw new Conflict("판 " + version + "은 " + who.name() + "님이 마지막으로 고쳤습니다. "
                    + "다른 담당자가 승인해야 합니다 (2인 확인)");
        }
        if (who.name().equals(submittedBy)) {
            throw new Conflict("통지서 " + id + "는 " + who.name() + "님이 제출했습니다. "
                    + "다른 담당자가 승인해야 합니다 (2인 확인)");
        }
        if (kind == NoticeKind.TERMINATION && consentBy == null) {
            throw new Conflict("해지 통지서는 승인 전에 임대인의 동의가 있어야 합니다");
        }
    }

    void approve(Viewer who, Instant at) {
        checkApproval(who);
        status = APPROVED;
        decidedBy = who.name();
        decidedAt = at;
        reason = null;
    }

    void reject(Viewer who, Instant at, String why) {
        requireRole(who, Role.MANAGER, "reject");
        requireStatus("reject", PENDING_APPROVAL);
        checkReason(why, "반려 사유를 적어 주세요");
        status = REJECTED;
        decidedBy = who.name();
        decidedAt = at;
        reason = why;
    }

    private static void checkReason(String why, String missing) {
        if (why == null || why.isBlank()) {
            throw kr.fm.arrears.shared.InvalidInput.of("reason", why, missing);
        }
        if (why.length() > REASON_MAX) {
            throw kr.fm.arrears.shared.InvalidInput.of("reason", why.substring(0, 50) + "…",
                    "사유는 " + String.format("%,d", REASON_MAX) + "자 이하여야 합니다");
        }
    }

    /** The ground for the notice has gone before dispatch: back to the MANAGER, with the reason. */
    void hold(String why) {
        requireStatus("hold back", APPROVED);
        status = REJECTED;
        reason = why;
    }

    void dispatched() {
        requireStatus("dispatch", APPROVED);
        status = DISPATCHED;
    }

    void delivered() {
        requireStatus("mark delivered", DISPATCHED);
        status = DELIVERED;
    }

    void returned() {
        requireStatus("mark returned", DISPATCHED);
        status = RETURNED;
    }

    /** Posted again after a return: the same approved document, a new posting (SPEC). */
    void reposted() {
        requireStatus("post again", RETURNED);
        status = DISPATCHED;
    }

    /** A MANAGER records a posting at the post office: of an approved notice, or again of a returned one. */
    void checkHandoff(Viewer who) {
        requireRole(who, Role.MANAGER, "record the posting of");
        requireStatus("record a posting of", APPROVED, RETURNED);
    }

    /** A MANAGER (or the scheduler) may send an approved notice, and nothing else. */
    void checkDispatch(Viewer who) {
        if (who.role() != Role.SYSTEM) {
            requireRole(who, Role.MANAGER, "dispatch");
        }
        requireStatus("dispatch", APPROVED);
    }

    /** The action as a person reads it in a refusal ("approve" → "승인"). */
    private static String korean(String action) {
        return switch (action) {
            case "edit" -> "고치기";
            case "submit" -> "제출";
            case "consent to" -> "동의";
            case "refuse consent to" -> "동의 거절";
            case "approve" -> "승인";
            case "reject" -> "반려";
            case "hold back" -> "발송 보류";
            case "dispatch" -> "발송";
            case "mark delivered" -> "배달 기록";
            case "mark returned" -> "반송 기록";
            case "post again" -> "다시 발송";
            case "record the posting of", "record a posting of" -> "접수 기록";
            default -> action;
        };
    }

    private void requireStatus(String action, NoticeStatus... allowed) {
        Set<NoticeStatus> ok = EnumSet.of(allowed[0], allowed);
        if (!ok.contains(status)) {
            throw new Conflict("지금 상태(" + status + ")에서는 통지서 " + id + "의 " + korean(action) + " 작업을 할 수 없습니다");
        }
    }

    private static void requireRole(Viewer who, Role role, String action) {
        if (who.role() != role) {
            throw new NotAllowed(korean(action) + " 작업은 " + (role == Role.LANDLORD ? "임대인(LANDLORD)" : "담당자(MANAGER)") + "만 할 수 있습니다 ("
                    + who.name() + ": " + who.role() + ")");
        }
    }

    public long id() { return id; }
    public long caseId() { return caseId; }
    public long leaseId() { return leaseId; }
    public NoticeKind kind() { return kind; }
    public LocalDate draftedOn() { return draftedOn; }
    public NoticeStatus status() { return status; }
    public int version() { return version; }
    public String lastEditor() { return lastEditor; }

    public String submittedBy() { return submittedBy; }
    public String consentBy() { return consentBy; }
    public Instant consentAt() { return consentAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String reason() { return reason; }
}
