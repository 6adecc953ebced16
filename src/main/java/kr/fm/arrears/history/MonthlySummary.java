package kr.fm.arrears.history;

import java.time.YearMonth;

/**
 * What the service did for a landlord in a month (Asia/Seoul), as defined in docs/portal.md:
 * reminders that left, payments received on leases after a reminder of their open arrears case,
 * and certified notices handed to the post office. {@code remindersSentInDemo}: of those reminders, how
 * many were only marked sent because messaging ran in demo mode (they never reached anyone).
 * {@code remindersSent} counts what the provider accepted (one it reported undelivered is not counted);
 * {@code remindersDelivered}, those it reported delivered to the phone or inbox.
 */
public record MonthlySummary(YearMonth month, long remindersSent, long amountRecoveredAfterReminder, long noticesSent,
        long remindersSentInDemo, long remindersDelivered) {}
