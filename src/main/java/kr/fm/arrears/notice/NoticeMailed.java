package kr.fm.arrears.notice;

/** The contracted mail service accepted the approved version ({@code receiptNo}): the notice is DISPATCHED. */
public record NoticeMailed(String actor, long noticeId, long leaseId, int version, String receiptNo, String dispatchKey,
        int attempts) {}
