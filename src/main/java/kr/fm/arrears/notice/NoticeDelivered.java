package kr.fm.arrears.notice;

import java.time.LocalDate;

/** The post office delivered the posting (tracking): date and receiver. */
public record NoticeDelivered(String actor, long noticeId, long leaseId, long postingId, String registeredNo,
        LocalDate deliveredOn, String receiver) {}
