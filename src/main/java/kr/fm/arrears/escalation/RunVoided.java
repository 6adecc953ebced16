package kr.fm.arrears.escalation;

import java.time.LocalDate;

/** A real run dated after today was voided, so the scheduled runs until its date are not refused. */
public record RunVoided(String actor, long runId, String reason, LocalDate businessDate, String status) {}
