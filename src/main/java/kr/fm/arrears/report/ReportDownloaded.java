package kr.fm.arrears.report;

import java.time.YearMonth;

/** Someone downloaded a monthly report's PDF. */
public record ReportDownloaded(long reportId, long landlordId, YearMonth month, String actor) {}
