package kr.fm.arrears.notice;

/** The LANDLORD refused the termination notice's version, saying why: it went back to the MANAGER. */
public record NoticeConsentRefused(String actor, long noticeId, long leaseId, int version, String reason) {}
