package kr.fm.arrears.shared;

/**
 * 사업자등록번호: ten digits, the last a check digit. A valid checksum does not prove the business
 * exists, but it catches the typing errors that would send a notice to the wrong company.
 */
public final class BusinessNumber {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    private BusinessNumber() {}

    /** Digits only ("220-81-62517" → "2208162517"), or {@code null} when the number is not valid. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (digits.charAt(8) - '0') * 5 / 10;
        int check = (10 - sum % 10) % 10;
        return check == digits.charAt(9) - '0' ? digits : null;
    }

    /** "2208162517" → "220-81-62517". */
    public static String display(String digits) {
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }
}
