/**
 * The database itself: found before Spring starts (configured URL, then localhost:5432, then an embedded
 * one), its fast-growing tables analysed in time, and what it has committed as a token
 * ({@link kr.fm.arrears.db.CommittedState}) for those who remember answers computed from it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package kr.fm.arrears.db;
