package kr.fm.arrears.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thing asked for by id that does not exist (or that the caller may not see): 404. The message (for
 * the log) is English; {@link #detail()} is what a person reads.
 */
public class NotFound extends RuntimeException {

    /** The Korean word for what was asked, by the start of {@code what} (most specific first). */
    private static final Map<String, String> NOUNS = nouns();

    private final String what;
    private final Object id;

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
        this.what = what;
        this.id = id;
    }

    /** What was asked for, in the code's words ("lease", "posting of notice 5"): for programs. */
    public String what() {
        return what;
    }

    public Object id() {
        return id;
    }

    /** "찾을 수 없는 계약입니다 (5)". */
    public String detail() {
        String noun = NOUNS.entrySet().stream().filter(e -> what.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("항목");
        return "찾을 수 없는 " + noun + "입니다 (" + id + ")";
    }

    private static Map<String, String> nouns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("active token", "API 토큰");
        m.put("posting", "발송 기록");
        m.put("proof", "배달증명·등본");
        m.put("dispatch", "발송");
        m.put("message with request id", "요청 번호의 메시지");
        m.put("message", "메시지");
        m.put("bank line", "입금 내역");
        m.put("escalation run", "실행");
        m.put("lease", "계약");
        m.put("case", "연체 건");
        m.put("notice", "통지서");
        m.put("user", "사용자");
        m.put("tenant", "임차인");
        m.put("landlord", "임대인");
        m.put("building", "건물");
        m.put("holiday", "휴일");
        m.put("charge", "청구");
        m.put("payment", "입금");
        return m;
    }
}
