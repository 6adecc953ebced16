package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * A case reached a stage (published once per (case, stage), inside the transaction that recorded
 * it). Messaging enqueues the stage's messages on its channels; the notice module drafts the
 * certified notice for DEMAND_NOTICE and TERMINATION_NOTICE. Listeners run in the same
 * transaction, so the stage, its messages and its notice commit together or not at all.
 *
 * @param template base name of the stage's templates (e.g. "reminder-1"), from the policy
 */
public record StageReached(long caseId, long leaseId, Stage stage, List<Channel> channels, String template,
        LocalDate businessDate) {}
