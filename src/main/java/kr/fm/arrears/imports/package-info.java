/**
 * CSV and bank-statement files read, checked all or nothing, and applied through the ledger's and the
 * bank's front doors.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger", "bank"})
package kr.fm.arrears.imports;
