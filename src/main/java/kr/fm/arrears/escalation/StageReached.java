package kr.fm.arrears.escalation;

import java.time.LocalDate;

/**
 * A case reached a stage: once per (case, stage), in its page's {@link StepsApplied}, inside the
 * transaction that recorded it. Says what happened only; messaging decides the messages from the
 * lease's ladder ({@link Policies#ladders}), the notice module drafts the certified notice of
 * DEMAND_NOTICE and TERMINATION_NOTICE. Listeners run in the same transaction, so the stage, its
 * messages and its notice commit together or not at all.
 */
public record StageReached(long caseId, long leaseId, Stage stage, LocalDate businessDate) {}
