package kr.fm.arrears.escalation;

/** The steps of the escalation ladder (SPEC "Default escalation ladder"), lowest first. */
public enum Stage {
    UPCOMING,
    REMINDER_1,
    REMINDER_2,
    FINAL_REMINDER,
    DEMAND_NOTICE,
    TERMINATION_NOTICE,
    RESOLVED;

    public boolean isNotice() {
        return this == DEMAND_NOTICE || this == TERMINATION_NOTICE;
    }
}
