/**
 * Reminders that reach people: the outbox (one row per message, unique by idempotency key), the
 * templates it is rendered from, the dispatcher that sends due rows through the AlimTalk/SMS/LMS
 * gateway or SMTP with retries, quiet hours and holidays, and delivery receipts. Fed by the
 * escalation module's {@code StepsApplied}, one per page of a run; publishes past-tense events for
 * the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "templates", "ledger", "escalation"})
package kr.fm.arrears.messaging;
