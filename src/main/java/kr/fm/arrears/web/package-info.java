/**
 * The pages (the staff's console, the landlord's portal) and the API's answers to bad input: forms
 * turned into calls of the modules' front doors, nothing computed or queried here. An edge like
 * {@code security}: it uses the domain, the domain never uses it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "db", "templates", "security", "ledger", "escalation",
        "messaging", "notice", "history", "bank", "imports", "report"})
package kr.fm.arrears.web;
