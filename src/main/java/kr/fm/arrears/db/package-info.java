/** Finds the database (configured URL, then localhost:5432, then an embedded one) before Spring starts. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package kr.fm.arrears.db;
