package kr.fm.arrears.escalation.internal;

import java.util.List;

/**
 * A seam in the run's page writer, for tests that must act at an exact point of a page (a pause
 * recorded while the page is being applied) instead of hoping for the timing. Production has none;
 * internal, so no other module sees it.
 */
public interface RunHooks {

    RunHooks NONE = caseIds -> {};

    /** Called in the page's transaction, after its steps are decided and before its cases are locked. */
    void beforeLockingCases(List<Long> caseIds);
}
