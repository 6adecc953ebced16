package kr.fm.arrears.bank;

import java.util.Map;

/** The column mapping of an account whose bank's layout no profile knows was saved. */
public record BankColumnsSaved(String actor, String accountNo, long landlordId, Map<String, String> columns) {}
