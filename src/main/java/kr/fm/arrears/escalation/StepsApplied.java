package kr.fm.arrears.escalation;

import java.util.List;
import java.util.Map;
import kr.fm.arrears.ledger.LeaseArrears;

/**
 * The stages one page of an escalation run reached and the friendly reminders it recorded, published
 * together inside the page's transaction (after its {@link StepsRecorded}) so listeners (messaging,
 * notices) do their work for the whole page in a few statements. The only form they are published in.
 *
 * @param arrears by lease, the arrears on the business date the steps were decided on: a listener
 *                renders the same figures without computing the page's ledgers a second time; a
 *                lease absent from it is computed by the listener
 */
public record StepsApplied(List<StageReached> reached, List<UpcomingDue> upcoming, Map<Long, LeaseArrears> arrears) {

    public StepsApplied(List<StageReached> reached, List<UpcomingDue> upcoming) {
        this(reached, upcoming, Map.of());
    }
}
