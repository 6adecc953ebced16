/**
 * Leases, charges, payments and the arrears computed from them. Other modules read the ledger through
 * {@link kr.fm.arrears.ledger.Ledger}, {@link kr.fm.arrears.ledger.LedgerViews} and {@link kr.fm.arrears.ledger.LeaseScope},
 * write it through {@link kr.fm.arrears.ledger.Portfolio}, {@link kr.fm.arrears.ledger.Payments} and
 * {@link kr.fm.arrears.ledger.ChargeGenerator}, correct it (never deleting) through {@link kr.fm.arrears.ledger.Corrections}
 * and {@link kr.fm.arrears.ledger.Payments}, and hear of its changes as events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "scheduling"})
package kr.fm.arrears.ledger;
