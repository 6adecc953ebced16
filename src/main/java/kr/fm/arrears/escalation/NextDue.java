package kr.fm.arrears.escalation;

import java.time.LocalDate;

/** The next due date of a lease after the business date, with everything falling due on it (VAT included). */
public record NextDue(LocalDate dueDate, long amount) {}
