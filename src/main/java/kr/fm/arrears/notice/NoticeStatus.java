package kr.fm.arrears.notice;

/** SPEC lifecycle: DRAFT → PENDING_APPROVAL → APPROVED or REJECTED → DISPATCHED → DELIVERED or RETURNED. */
public enum NoticeStatus {
    DRAFT,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    DISPATCHED,
    DELIVERED,
    RETURNED
}
