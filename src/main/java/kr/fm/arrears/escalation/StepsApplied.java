package kr.fm.arrears.escalation;

import java.util.List;

/**
 * The stages one page of an escalation run reached and the friendly reminders it recorded, published
 * together inside the page's transaction (after its {@link StepsRecorded}) so listeners (messaging,
 * notices) do their work for the whole page in a few statements. The only form they are published in.
 */
public record StepsApplied(List<StageReached> reached, List<UpcomingDue> upcoming) {}
