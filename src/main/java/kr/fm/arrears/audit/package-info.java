/**
 * The append-only, hash-chained audit log. Nobody calls it: the trails in {@code internal} listen to
 * the past-tense events the other modules publish and write them in the publisher's transaction, so
 * an action and its audit row commit or roll back together. Its front door is the verifier and the
 * read API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger", "bank", "imports", "escalation",
        "messaging", "notice", "history", "security", "report"})
package kr.fm.arrears.audit;
