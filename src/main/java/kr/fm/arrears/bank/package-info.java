/**
 * Bank statement lines: recorded once each, matched to leases by the rules or by a person, and booked
 * as the ledger's payments. Front doors: {@link kr.fm.arrears.bank.BankLines}, {@link kr.fm.arrears.bank.BankAccounts} and
 * {@link kr.fm.arrears.bank.PayerAliases}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger"})
package kr.fm.arrears.bank;
