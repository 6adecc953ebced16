package kr.fm.arrears.notice;

/** An approved notice was held back before it left: its ground had gone ({@code reason}). */
public record NoticeHeld(String actor, long noticeId, long leaseId, int version, String reason) {}
