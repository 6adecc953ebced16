package kr.fm.arrears.notice;

/** Someone downloaded a notice's approved PDF. */
public record NoticePdfDownloaded(String actor, long noticeId, long leaseId, int version, String documentNo, String sha256) {}
