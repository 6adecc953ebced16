package kr.fm.arrears.messaging;

import java.time.LocalDate;

/** A day was taken off the holiday calendar. */
public record HolidayRemoved(String actor, LocalDate date) {}
