package kr.fm.arrears.ledger;

import java.time.LocalDate;

/** A lease ended before its term: the tenant moved out on {@code moveOutOn}; no charge falls due after it. */
public record LeaseEndedEarly(String actor, long leaseId, LocalDate agreedEnd, LocalDate moveOutOn, String reason) {}
