package kr.fm.arrears.escalation;

import java.time.LocalDate;

/**
 * A charge falls due soon (the UPCOMING stage): a friendly reminder before any case exists, so it
 * is keyed by lease and due date rather than by case. In its page's {@link StepsApplied}, once per
 * (lease, due date), in the transaction that recorded it; messaging enqueues the reminder.
 *
 * @param amount everything falling due on that date, VAT included
 */
public record UpcomingDue(long leaseId, LocalDate dueDate, long amount, LocalDate businessDate) {}
