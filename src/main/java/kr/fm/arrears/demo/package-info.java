/**
 * The demo profile's example portfolio, loaded through the same imports, runs and workflows a user calls.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger", "imports", "escalation", "notice", "security"})
package kr.fm.arrears.demo;
