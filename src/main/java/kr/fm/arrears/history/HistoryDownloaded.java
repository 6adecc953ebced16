package kr.fm.arrears.history;

import java.util.List;

/**
 * Someone downloaded the history as a file ({@code document}: HISTORY_CSV, HISTORY_XLSX or
 * NOTICE_ZIP) named {@code file}, for this filter and landlord, holding {@code count} rows or PDFs;
 * a ZIP names its notices.
 */
public record HistoryDownloaded(String actor, String document, String file, long count, Long landlordId, HistoryFilter filter,
        List<Long> noticeIds) {}
