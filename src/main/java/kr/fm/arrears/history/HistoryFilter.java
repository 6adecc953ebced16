package kr.fm.arrears.history;

import java.time.LocalDate;

/**
 * What a landlord (or staff) narrows the notice history to. Every field may be null. {@code kind}
 * is {@link HistoryEntry#REMINDER} (messages) or {@link HistoryEntry#NOTICE}; {@code status} a
 * message state or a notice status; {@code from}/{@code to} (inclusive) compare the Asia/Seoul date
 * of {@link HistoryEntry#at()}.
 */
public record HistoryFilter(Long buildingId, Long tenantId, LocalDate from, LocalDate to, String status, String kind) {

    public static HistoryFilter all() {
        return new HistoryFilter(null, null, null, null, null, null);
    }
}
