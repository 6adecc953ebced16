package kr.fm.arrears.shared;

import java.util.regex.Pattern;

/** Korean phone numbers, normalised to E.164 (+82, leading 0 dropped). */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("01[016789]\\d{7,8}");
    private static final Pattern SEOUL = Pattern.compile("02\\d{7,8}");
    private static final Pattern AREA = Pattern.compile("0[3-6][1-5]\\d{7,8}");
    private static final Pattern INTERNET = Pattern.compile("070\\d{8}");
    private static final Pattern PERSONAL = Pattern.compile("050\\d{8,9}");
    // 15XX/16XX/18XX: 8-digit representative numbers; they cannot receive SMS
    private static final Pattern REPRESENTATIVE = Pattern.compile("1[568]\\d{6}");

    private PhoneNumber() {}

    /** "010-1234-5678" or "+82 10 1234 5678" → "+821012345678"; {@code null} when not a Korean number. */
    public static String toE164(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("+82")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("82") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        if (!digits.matches("\\d+")) {
            return null;
        }
        if (REPRESENTATIVE.matcher(digits).matches()) {
            return "+82" + digits;
        }
        if (MOBILE.matcher(digits).matches() || SEOUL.matcher(digits).matches()
                || AREA.matcher(digits).matches() || INTERNET.matcher(digits).matches()
                || PERSONAL.matcher(digits).matches()) {
            return "+82" + digits.substring(1);
        }
        return null;
    }

    /** Whether a normalised number can receive SMS and AlimTalk (mobile numbers only). */
    public static boolean isMobile(String e164) {
        return e164 != null && e164.matches("\\+821[016789]\\d{7,8}");
    }
}
