package kr.fm.arrears.shared;

import java.time.LocalDate;

/** Formatting of amounts and dates the way Korean letters and texts write them. */
public final class Won {

    /** SPEC "Bounds": no amount in the ledger is above 1,000억원, so no sum of them can wrap around a long. */
    public static final long MAX = 100_000_000_000L;

    private Won() {}

    /** 3300000 → "3,300,000원". */
    public static String format(long won) {
        // by hand: a board page formats a few hundred amounts, and NumberFormat.getIntegerInstance was a
        // tenth of its time (a locale lookup and a clone each)
        String digits = won < 0 ? Long.toString(won).substring(1) : Long.toString(won);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 2);
        if (won < 0) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.append('원').toString();
    }

    /** 2026-03-31 → "2026년 3월 31일". */
    public static String date(LocalDate date) {
        return date.getYear() + "년 " + date.getMonthValue() + "월 " + date.getDayOfMonth() + "일";
    }
}
