package kr.fm.arrears.history;

import java.time.Instant;

/**
 * One thing done on a landlord's behalf: a reminder (one message of the outbox) or a certified
 * notice. {@code at} is when it happened: a message's send time (its creation while it has not
 * left), a notice's dispatch, else its approval, else its drafting. {@code description} and
 * {@code statusLabel} are Korean, for pages and exports; {@code pdfAvailable} is true when an
 * approved PDF can be downloaded ({@code /api/notices/{noticeId}/pdf}).
 */
public record HistoryEntry(String kind, long id, Instant at, long buildingId, String buildingName, long tenantId,
        String tenantName, String leaseCode, String description, String channel, String status, String statusLabel,
        Long noticeId, String documentNo, boolean pdfAvailable) {

    public static final String REMINDER = "REMINDER";
    public static final String NOTICE = "NOTICE";
}
