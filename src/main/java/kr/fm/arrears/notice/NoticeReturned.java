package kr.fm.arrears.notice;

import java.time.LocalDate;

/** The post office returned the posting (tracking), with its reason (수취인부재, 주소불명 …). */
public record NoticeReturned(String actor, long noticeId, long leaseId, long postingId, String registeredNo, LocalDate returnedOn,
        String reason) {}
