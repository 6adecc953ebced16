/**
 * The escalation ladder and the nightly run: cases opened, stages reached or skipped, friendly
 * reminders, pauses and the ladders (policies). Decides from the ledger's arrears; publishes
 * {@link kr.fm.arrears.escalation.StepsApplied} per page of a run (messaging and notices act on it)
 * and past-tense events for the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "scheduling", "ledger", "db"})
package kr.fm.arrears.escalation;
