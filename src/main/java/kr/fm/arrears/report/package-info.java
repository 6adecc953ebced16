/**
 * The monthly owner report (월간 임대관리 보고서): for each landlord and month, what the service did
 * (reminders by stage, notices, cases), what came in and what is open by building, with two charts;
 * a PDF kept once per landlord and month, made on the first business day's schedule or by an ADMIN.
 * Its figures are read through the other modules' front doors (docs/reports.md defines them).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "templates", "scheduling", "ledger",
        "escalation", "messaging", "notice", "history"})
package kr.fm.arrears.report;
