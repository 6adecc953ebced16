/**
 * A case's evidence pack (소송 자료) for the landlord's lawyer or 법무사: one ZIP of the cover sheet,
 * the ledger statement, the reminders, the notices with their proofs, the audit extract with the
 * chain's verification and a draft 지급명령 신청서, built from the owners' front doors (ledger,
 * escalation, messaging, notice, history, audit) and audited as a download.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "templates", "ledger", "escalation",
        "messaging", "notice", "history", "audit"})
package kr.fm.arrears.evidence;
