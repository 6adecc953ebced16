package kr.fm.arrears.escalation;

import java.time.LocalDate;

/**
 * An open arrears case as the engine sees it.
 *
 * @param stage       highest stage reached so far, null when none yet
 * @param pausedUntil the case sends nothing up to and including this date; null when not paused
 */
public record CaseState(long caseId, Stage stage, LocalDate pausedUntil) {

    public boolean pausedOn(LocalDate date) {
        return pausedUntil != null && !date.isAfter(pausedUntil);
    }
}
