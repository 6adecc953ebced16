package kr.fm.arrears.shared;

import java.time.LocalDate;

/**
 * SPEC "Bounds": every date the service takes is between 2000-01-01 and 2100-12-31. A year typed as
 * 20266 or 0026 is a typing error, and one such date in a lease would spread charges over centuries.
 */
public final class Dates {

    public static final LocalDate MIN = LocalDate.of(2000, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2100, 12, 31);
    public static final String OUT_OF_RANGE = "2000-01-01부터 2100-12-31 사이의 날짜여야 합니다";

    private Dates() {}

    public static boolean inRange(LocalDate date) {
        return date == null || (!date.isBefore(MIN) && !date.isAfter(MAX));
    }

    /** The date, or a 422 problem naming the field. */
    public static LocalDate requireInRange(String field, LocalDate date) {
        if (!inRange(date)) {
            throw InvalidInput.of(field, date, OUT_OF_RANGE);
        }
        return date;
    }
}
