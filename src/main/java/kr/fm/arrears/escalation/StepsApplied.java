package kr.fm.arrears.escalation;

import java.util.List;

/**
 * The events of one page of an escalation run, published together inside the page's transaction
 * so listeners can do their work for the whole page in a few statements instead of a few per
 * event. Means exactly what publishing each {@link StageReached} and then each {@link UpcomingDue}
 * would; listeners handle both forms the same way.
 */
public record StepsApplied(List<StageReached> reached, List<UpcomingDue> upcoming) {}
