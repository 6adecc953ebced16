package kr.fm.arrears.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import kr.fm.arrears.shared.BusinessTime;

/**
 * When a tenant may be contacted (SPEC "When people may be contacted"): between {@code opens}
 * (inclusive) and {@code closes} (exclusive) Seoul time, not on held days. Night-time contact by
 * a collector is forbidden (채권의 공정한 추심에 관한 법률 제9조). A pure function of an instant
 * and the holiday set.
 */
public record ContactWindow(LocalTime opens, LocalTime closes, boolean holdSundays, boolean holdHolidays) {

    public static final ContactWindow DEFAULT = new ContactWindow(LocalTime.of(8, 0), LocalTime.of(21, 0), true, true);

    public boolean isOpen(Instant at, Set<LocalDate> holidays) {
        ZonedDateTime seoul = at.atZone(BusinessTime.SEOUL);
        LocalTime time = seoul.toLocalTime();
        return dayAllowed(seoul.toLocalDate(), holidays) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** {@code at} itself when open, else the next opening (08:00 of the next allowed day). */
    public Instant nextOpening(Instant at, Set<LocalDate> holidays) {
        if (isOpen(at, holidays)) {
            return at;
        }
        ZonedDateTime seoul = at.atZone(BusinessTime.SEOUL);
        LocalDate day = seoul.toLocalTime().isBefore(opens) ? seoul.toLocalDate() : seoul.toLocalDate().plusDays(1);
        for (int i = 0; i < 366 && !dayAllowed(day, holidays); i++) {
            day = day.plusDays(1);
        }
        return day.atTime(opens).atZone(BusinessTime.SEOUL).toInstant();
    }

    private boolean dayAllowed(LocalDate day, Set<LocalDate> holidays) {
        return !(holdSundays && day.getDayOfWeek() == DayOfWeek.SUNDAY) && !(holdHolidays && holidays.contains(day));
    }
}
