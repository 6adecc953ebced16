package kr.fm.arrears.notice;

/** The mail service refused the letter for good ({@code reason}); the notice stays APPROVED. */
public record NoticeMailingFailed(String actor, long noticeId, long leaseId, int version, String dispatchKey, int attempts,
        String reason) {}
