/**
 * The append-only, hash-chained audit log. Nobody calls it: the trails in {@code internal} listen to
 * the past-tense events the other modules publish and write them in the publisher's transaction, so
 * an action and its audit row commit or roll back together. Its front door is the verifier, the
 * read API and a lease's extract ({@code AuditExtracts}); {@code DocumentDownloaded} is the one event
 * declared here, for a module that reads the log itself (the evidence pack) and so cannot be listened to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger", "bank", "imports", "escalation",
        "messaging", "notice", "history", "security", "report"})
package kr.fm.arrears.audit;
