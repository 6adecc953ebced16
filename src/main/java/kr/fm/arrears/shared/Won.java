package kr.fm.arrears.shared;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;

/** Formatting of amounts and dates the way Korean letters and texts write them. */
public final class Won {

    /** SPEC "Bounds": no amount in the ledger is above 1,000억원, so no sum of them can wrap around a long. */
    public static final long MAX = 100_000_000_000L;

    private Won() {}

    /** 3300000 → "3,300,000원". */
    public static String format(long won) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(won) + "원";
    }

    /** 2026-03-31 → "2026년 3월 31일". */
    public static String date(LocalDate date) {
        return date.getYear() + "년 " + date.getMonthValue() + "월 " + date.getDayOfMonth() + "일";
    }
}
