package kr.fm.arrears.history;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import kr.fm.arrears.shared.BusinessTime;

/** The columns of the history as the accountant gets it, the same in the CSV and the Excel file. */
final class HistoryTable {

    private HistoryTable() {}

    static final List<String> HEADER = List.of("일시", "구분", "내용", "건물", "임차인", "계약", "발송 경로", "상태", "문서번호");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When it happened, in Seoul time. */
    static LocalDateTime at(HistoryEntry e) {
        return LocalDateTime.ofInstant(e.at(), BusinessTime.SEOUL);
    }

    /** Every column but the first as text; the first is {@link #at}. */
    static List<String> rest(HistoryEntry e) {
        return List.of(HistoryEntry.NOTICE.equals(e.kind()) ? "내용증명" : "독촉·안내", e.description(), e.buildingName(),
                e.tenantName(), e.leaseCode(), Labels.channel(e.channel()), e.statusLabel(), Objects.toString(e.documentNo(), ""));
    }

    static List<String> row(HistoryEntry e) {
        List<String> row = new java.util.ArrayList<>(HEADER.size());
        row.add(MINUTES.format(at(e)));
        row.addAll(rest(e));
        return row;
    }
}
