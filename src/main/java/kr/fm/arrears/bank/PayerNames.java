package kr.fm.arrears.bank;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as banks print it, reduced to what identifies it: full-width forms folded (NFKC turns ㈜ and
 * （주） into (주)), the company form and every space or punctuation mark dropped. "(주) 대성정밀",
 * "주식회사 대성정밀" and "대성정밀㈜" are all "대성정밀".
 */
final class PayerNames {

    private PayerNames() {}

    static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = s.replace("(주)", "").replace("주식회사", "").replace("(유)", "").replace("유한회사", "");
        return s.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }
}
