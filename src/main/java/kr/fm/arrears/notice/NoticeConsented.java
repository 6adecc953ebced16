package kr.fm.arrears.notice;

/** The LANDLORD consented to the termination notice's version. */
public record NoticeConsented(String actor, long noticeId, long leaseId, int version) {}
