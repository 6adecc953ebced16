package kr.fm.arrears.escalation;

import java.time.LocalDate;

/**
 * An open arrears case as the engine sees it.
 *
 * @param stage       highest stage reached so far, null when none yet
 * @param pausedUntil the case sends nothing up to and including this date; null when not paused
 * @param planned     an ACTIVE payment plan holds the case: the ladder takes no step (see {@link PaymentPlans})
 */
public record CaseState(long caseId, Stage stage, LocalDate pausedUntil, boolean planned) {

    public CaseState(long caseId, Stage stage, LocalDate pausedUntil) {
        this(caseId, stage, pausedUntil, false);
    }

    public boolean pausedOn(LocalDate date) {
        return pausedUntil != null && !date.isAfter(pausedUntil);
    }
}
