package kr.fm.arrears.messaging;

import java.time.LocalDate;

/** A day was added to the holiday calendar, or renamed. */
public record HolidaySet(String actor, LocalDate date, String name) {}
