package kr.fm.arrears.notice;

/** A MANAGER asked for the version's approval. */
public record NoticeSubmitted(String actor, long noticeId, long leaseId, int version) {}
