package kr.fm.arrears.notice;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import kr.fm.arrears.shared.Sha256;
import org.springframework.stereotype.Component;

/**
 * Draft previews, rendered once and then served: the PDF of a notice is kept with the SHA-256 of
 * the page it was made from. The page is cheap to fill in; only a page that differs (a new version,
 * another day's date, a payment that changed the table) is rendered again. The last
 * {@value #KEPT} notices previewed are kept.
 */
@Component
class Previews {

    static final int KEPT = 200;

    private record Rendered(String pageSha256, byte[] pdf) {}

    private final Map<Long, Rendered> byNotice = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Rendered> eldest) {
            return size() > KEPT;
        }
    });

    byte[] pdf(long noticeId, String page, Function<String, byte[]> render) {
        String sha = Sha256.hex(page.getBytes(StandardCharsets.UTF_8));
        Rendered kept = byNotice.get(noticeId);
        if (kept != null && kept.pageSha256().equals(sha)) {
            return kept.pdf();
        }
        byte[] pdf = render.apply(page);
        byNotice.put(noticeId, new Rendered(sha, pdf));
        return pdf;
    }
}
