package kr.fm.arrears.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One thing done on a landlord's behalf: a reminder (one message of the outbox) or a certified
 * notice. {@code at} is when it happened: a message's send time (its creation while it has not
 * left), a notice's dispatch, else its approval, else its drafting. {@code description} and
 * {@code statusLabel} are Korean, for pages and exports; {@code pdfAvailable} is true when an
 * approved PDF can be downloaded ({@code /api/notices/{noticeId}/pdf}). A notice's {@code dispatches}
 * are every posting of it, first first: a returned notice posted again has two (a reminder has none).
 */
public record HistoryEntry(String kind, long id, Instant at, long buildingId, String buildingName, long tenantId,
        String tenantName, String leaseCode, String description, String channel, String status, String statusLabel,
        Long noticeId, String documentNo, boolean pdfAvailable, List<Dispatch> dispatches) {

    public static final String REMINDER = "REMINDER";
    public static final String NOTICE = "NOTICE";

    /** One posting of a notice: its 등기번호, the day and address it went to, and what became of it. */
    public record Dispatch(int attempt, String registeredNo, LocalDate postedOn, String recipientAddress, String outcome,
            LocalDate outcomeOn, String outcomeDetail) {

        /** "1번째 발송 2026-05-01 · 등기번호 1234567890123 · 반송 2026-05-03 (수취인부재)", for pages and files. */
        public String label() {
            String result = outcome == null ? "배달 전" : ("DELIVERED".equals(outcome) ? "배달 완료 " : "반송 ") + outcomeOn
                    + (outcomeDetail == null || outcomeDetail.isBlank() ? "" : " (" + outcomeDetail + ")");
            return attempt + "번째 발송 " + postedOn + (registeredNo == null ? "" : " · 등기번호 " + registeredNo) + " · " + result;
        }
    }
}
