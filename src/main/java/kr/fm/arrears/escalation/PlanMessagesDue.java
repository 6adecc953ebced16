package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * What a plan check of one business date asks messaging to send, in the transaction that recorded it:
 * the friendly reminder 3 days before an instalment, the thank-you for one paid, and the landlord's
 * notice of a broken plan. Each is recorded once (the instalment's {@code reminded_on}/{@code paid_on},
 * the plan's status), and messaging keys each message by plan, instalment and kind.
 */
public record PlanMessagesDue(List<Due> due) {

    public enum Kind {
        /** 3 days before an instalment not yet covered */
        REMINDER,
        /** an instalment was covered */
        THANKS,
        /** the plan broke: the landlord is told, once */
        BROKEN
    }

    /**
     * @param amount    the instalment's amount ({@code BROKEN}: the shortfall)
     * @param remaining what is still to be paid under the plan after this instalment is covered
     */
    public record Due(Kind kind, long planId, long caseId, long leaseId, long landlordId, int no, int of, LocalDate dueDate,
            long amount, long remaining, LocalDate businessDate) {

        /** The outbox key of its message on a channel: plan, instalment and kind, never twice. */
        public String key(String channel) {
            return "plan:" + planId + ":" + no + ":" + kind.name().toLowerCase() + ":" + channel;
        }
    }
}
