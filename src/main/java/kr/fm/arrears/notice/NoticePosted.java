package kr.fm.arrears.notice;

import java.time.LocalDate;

/**
 * A MANAGER recorded a posting at the post office (접수번호, 등기번호): the notice is DISPATCHED. A
 * returned notice posted again ({@code again}) names the address it now goes to.
 */
public record NoticePosted(String actor, long noticeId, long leaseId, long postingId, int attempt, int version, String receiptNo,
        String registeredNo, LocalDate postedOn, Long fee, String recipientPostcode, String recipientAddress, boolean again) {

    /** Why it went again: the audit trail's reason for a second posting. */
    public String reason() {
        return again ? "반송 후 다시 발송" : null;
    }
}
