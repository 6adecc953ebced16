package kr.fm.arrears.ledger;

import java.util.Map;

/** A tenant's contacts corrected: each changed field with its value before and after. */
public record TenantCorrected(String actor, long tenantId, Map<String, Change> changes, String reason) {

    public record Change(String from, String to) {}
}
