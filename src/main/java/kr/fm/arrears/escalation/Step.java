package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/** What the run does for one lease on a business date: the outcome of {@link Escalator}. */
public sealed interface Step {

    /** Nothing to do; {@code why} is for people reading a preview. */
    record Nothing(String why) implements Step {}

    /** Open a case; {@code reach} is null when no stage is due yet (overdue, but not long enough). */
    record Open(Stage reach, List<Stage> skipped) implements Step {}

    /** Move an open case up to {@code reach}; the stages passed over are recorded as skipped, not sent. */
    record Advance(long caseId, Stage reach, List<Stage> skipped) implements Step {}

    /** Close a paid case; {@code announce} is false when nothing was ever sent, so no thank-you either. */
    record Resolve(long caseId, boolean announce) implements Step {}

    /** The friendly reminder before a due date (UPCOMING), once per lease and due date. */
    record Remind(LocalDate dueDate, long amount) implements Step {}

    /** The lease could not be decided (its ledger holds what no rule can compute): a run error, not a stop. */
    record Failed(String reason) implements Step {}
}
