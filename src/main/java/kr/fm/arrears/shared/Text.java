package kr.fm.arrears.shared;

/**
 * SPEC "Bounds": text fields refuse control characters other than tab and newline. A tenant name
 * holding U+0001 could not be rendered into a notice (XML forbids it) nor approved; a carriage return
 * before a newline is what browsers send for a line break in a text area, so it is dropped, not refused.
 */
public final class Text {

    public static final String CONTROL_CHARACTER = "제어 문자(탭과 줄바꿈 말고)는 쓸 수 없습니다";

    private Text() {}

    /** CRLF as LF. */
    public static String normalised(String s) {
        return s == null || s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n");
    }

    /** True when the text (after {@link #normalised}) holds a control character other than tab and newline. */
    public static boolean hasControlCharacter(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason a person gives for a decision or a correction (the audit log keeps it): required, at most
     * 200 characters, no control characters; returned normalised and stripped, else a 422 naming {@code reason}.
     */
    public static String reason(String reason) {
        return reason(reason, 200);
    }

    /** {@link #reason(String)} with another limit: a pause or an opt-out may explain at more length. */
    public static String reason(String reason, int max) {
        String why = reason == null ? "" : normalised(reason).strip();
        if (why.isEmpty() || why.length() > max || hasControlCharacter(why)) {
            throw InvalidInput.of("reason", reason, why.isEmpty() ? "사유를 입력하세요"
                    : hasControlCharacter(why) ? CONTROL_CHARACTER : "사유는 " + max + "자 이내로 입력하세요");
        }
        return why;
    }
}
