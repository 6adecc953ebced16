package kr.fm.arrears.notice;

/** A MANAGER rejected the version, saying why. */
public record NoticeRejected(String actor, long noticeId, long leaseId, int version, String reason) {}
