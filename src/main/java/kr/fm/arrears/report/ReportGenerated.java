package kr.fm.arrears.report;

import java.time.YearMonth;

/** A landlord's monthly report was made (or, asked for, made again); {@code replaced}: it took an earlier one's place. */
public record ReportGenerated(long reportId, long landlordId, YearMonth month, String sha256, boolean replaced, String actor) {}
