package kr.fm.arrears.ledger;

/** A tenant was registered, known by its 사업자등록번호 (digits only). */
public record TenantCreated(String actor, long tenantId, String name, String businessNo) {}
