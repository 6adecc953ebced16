package kr.fm.arrears.notice;

/** A 등기번호 typed wrong was corrected, with the reason; tracking events kept under the wrong one went. */
public record RegisteredNoCorrected(String actor, long noticeId, long leaseId, long postingId, String from, String to,
        int trackingEventsDiscarded, String reason) {}
