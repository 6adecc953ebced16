/**
 * Certified notices (내용증명): the {@link kr.fm.arrears.notice.CertifiedNotice} aggregate and its
 * workflow, PDF rendering, the post-office hand-off, tracking and the optional mail service. Drafts
 * what escalation's stages ask for; reads leases and arrears from the ledger; tells what happened in
 * past-tense events (the audit module keeps them).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "scheduling", "templates", "ledger", "escalation", "db"})
package kr.fm.arrears.notice;
