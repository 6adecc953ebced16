package kr.fm.arrears.ledger;

import java.time.LocalDate;

public record Payment(long id, long leaseId, String bankReference, LocalDate paidOn, long amount) {}
