/**
 * The notice history a landlord downloads: every reminder and certified notice sent on their behalf,
 * the month's figures and the exports, read through the front doors of the modules that own the
 * facts (ledger, messaging, escalation, notice); the one source of Korean labels for codes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger", "messaging", "escalation", "notice"})
package kr.fm.arrears.history;
