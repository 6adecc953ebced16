package kr.fm.arrears.notice;

/** The mail service reported the letter {@code delivered} or returned. */
public record NoticeMailReported(String actor, long noticeId, long leaseId, String receiptNo, boolean delivered) {}
