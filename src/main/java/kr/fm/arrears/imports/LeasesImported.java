package kr.fm.arrears.imports;

/** A lease file was imported, all of it: how many rows it had and how many leases were new. */
public record LeasesImported(String actor, String fileName, int rows, int leasesCreated, String sha256) {}
