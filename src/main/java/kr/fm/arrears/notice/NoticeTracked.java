package kr.fm.arrears.notice;

/** The post office's tracking reported new processing events of a posting; {@code last} is the newest. */
public record NoticeTracked(String actor, long noticeId, long leaseId, long postingId, String registeredNo, int newEvents,
        String last) {}
