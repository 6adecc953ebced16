package kr.fm.arrears.notice;

/** A MANAGER approved the version: its PDF was sealed with this number, SHA-256 and verification code. */
public record NoticeApproved(String actor, long noticeId, long leaseId, int version, String documentNo, String sha256,
        String verificationCode) {}
