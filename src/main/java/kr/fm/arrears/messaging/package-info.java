/**
 * Reminders that reach people: the outbox (one row per message, unique by idempotency key), the
 * templates it is rendered from, the dispatcher that sends due rows through the AlimTalk/SMS/LMS
 * gateway or SMTP with retries, quiet hours and holidays, and delivery receipts. Fed by the
 * escalation module's {@code StageReached} and {@code UpcomingDue} events.
 */
package kr.fm.arrears.messaging;
