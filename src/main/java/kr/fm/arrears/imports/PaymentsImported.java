package kr.fm.arrears.imports;

/** A payment file was imported, all of it: how many rows it had and how many payments were new. */
public record PaymentsImported(String actor, String fileName, int rows, int recorded, String sha256) {}
