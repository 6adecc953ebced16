package kr.fm.arrears.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One posting of a notice (a row of notice_dispatch): through the post office by hand, with its
 * 접수번호 ({@code receiptNo}) and 등기번호 ({@code registeredNo}), or through a mail service; and
 * what tracking learnt of it. A returned notice posted again has a second posting.
 */
public record Posting(long id, long noticeId, int attempt, String channel, String receiptNo, String registeredNo,
        LocalDate postedOn, Long fee, String recipientName, String recipientPostcode, String recipientAddress,
        String deliveryStatus, LocalDate deliveredOn, String receiver, String returnReason, String trackingStatus,
        Instant trackedAt, String trackingError, String recordedBy, Instant recordedAt, List<Event> events) {

    /** A processing event the tracking API reported (종적): date, time, office, status, detail. */
    public record Event(LocalDate date, String time, String location, String status, String detail) {}

    public boolean open() {
        return deliveryStatus == null;
    }
}
