package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * A charge falls due soon (the UPCOMING stage): a friendly reminder before any case exists, so it
 * is keyed by lease and due date rather than by case. Published once per (lease, due date) in the
 * transaction that recorded it; messaging enqueues the reminder.
 */
public record UpcomingDue(long leaseId, LocalDate dueDate, long amount, List<Channel> channels, String template,
        LocalDate businessDate) {}
