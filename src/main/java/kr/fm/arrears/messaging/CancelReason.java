package kr.fm.arrears.messaging;

/**
 * Why a queued message did not leave: checked again just before sending (SPEC "Send only what is
 * still true"), it was no longer true.
 */
public enum CancelReason {
    /** the lease owes nothing overdue any more (an UPCOMING reminder: its charges are paid) */
    PAID,
    /** a MANAGER paused the case */
    PAUSED,
    /** the case was closed */
    CLOSED,
    /** the case has moved to a later stage, or a thank-you's lease owes again */
    SUPERSEDED,
    /** the tenant asked not to be contacted on this channel */
    OPTED_OUT,
    /**
     * a payment plan holds the case: the ladder's messages wait (a message queued before the plan was
     * agreed, or a friendly due-date reminder of its lease); or a plan's own reminder whose plan has ended
     */
    PLAN
}
