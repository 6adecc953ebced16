package kr.fm.arrears.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** When a lease's monthly charges fall due. */
public final class DueDates {

    private DueDates() {}

    /** The due day in a month, clamped to its last day (due day 31 → 28 or 29 February). */
    public static LocalDate in(YearMonth month, int dueDay) {
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }

    /**
     * Every due date of a lease from its start to its end: the first on or after the start,
     * the last on or before the end; no proration.
     */
    public static List<LocalDate> between(LocalDate start, LocalDate end, int dueDay) {
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            LocalDate due = in(m, dueDay);
            if (!due.isBefore(start) && !due.isAfter(end)) {
                dates.add(due);
            }
        }
        return dates;
    }
}
