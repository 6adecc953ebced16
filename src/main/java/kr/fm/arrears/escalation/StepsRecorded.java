package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * What one page of an escalation run wrote, in the order it wrote it: the cases it opened, the
 * (case, stage) rows it recorded (reached or skipped; a RESOLVED row also closes its case) and the
 * friendly reminders. Only rows actually inserted are listed, so a page done again lists nothing
 * twice. Published before {@link StepsApplied}, in the page's transaction.
 */
public record StepsRecorded(long runId, LocalDate businessDate, List<Opened> opened, List<Staged> stages,
        List<UpcomingDue> upcoming) {

    public record Opened(long caseId, long leaseId) {}

    /** {@code reached} false: recorded as skipped, never sent. */
    public record Staged(long caseId, long leaseId, Stage stage, boolean reached) {}

    public boolean isEmpty() {
        return opened.isEmpty() && stages.isEmpty() && upcoming.isEmpty();
    }
}
