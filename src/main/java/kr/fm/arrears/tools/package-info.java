/**
 * Operator commands run without the web server: the audit chain check, a synthetic portfolio, one
 * escalation run.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger", "escalation", "audit"})
package kr.fm.arrears.tools;
