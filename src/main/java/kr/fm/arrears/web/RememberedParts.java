package kr.fm.arrears.web;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.fm.arrears.db.CommittedState;
import org.springframework.stereotype.Component;

/**
 * Parts of pages remembered as rendered, while the database has committed nothing since
 * ({@link CommittedState}): a landlord refreshing the board 50 cases long had every case read, its
 * arrears looked up, its next stage worked out and 40 KB of rows rendered again, for the same page.
 * Only what comes from the database and the key goes into a part; what differs per request (who is
 * signed in, the form token, a one-time message) stays outside it, in the page around.
 *
 * <p>A controller asks for its part first and computes its model only when the part is not known;
 * the page renders the part through it ({@code <@boardPart>…</@boardPart>}): the remembered text, or
 * the body, rendered once and remembered under the token read before the model was computed. A write
 * committed meanwhile moves the token, so nothing is remembered longer than it was true.
 * Bounded: at most {@link #PARTS} parts; beyond that, all are forgotten and made again.
 */
@Component
class RememberedParts {

    /** A landlord's board is about 40 KB: a few MB at most. */
    static final int PARTS = 64;

    private record Rendered(String token, String html) {}

    private final CommittedState committed;
    private final Map<Object, Rendered> parts = new ConcurrentHashMap<>();

    RememberedParts(CommittedState committed) {
        this.committed = committed;
    }

    /**
     * The part under {@code key}, which names everything it shows apart from the database's rows: the
     * viewer's scope, the query, the day. {@link Part#known()} false: the model is to be computed.
     */
    Part part(Object key) {
        String token = committed.token();
        Rendered r = parts.get(key);
        return new Part(key, token, r != null && r.token().equals(token) ? r.html() : null);
    }

    private void remember(Object key, String token, String html) {
        if (parts.size() >= PARTS && !parts.containsKey(key)) {
            parts.clear(); // full: start again rather than keep the oldest for ever
        }
        parts.put(key, new Rendered(token, html));
    }

    /** One request's part: the text remembered, or the body of the page's directive to render and remember. */
    final class Part implements TemplateDirectiveModel {
        private final Object key;
        private final String token;
        private final String html;

        private Part(Object key, String token, String html) {
            this.key = key;
            this.token = token;
            this.html = html;
        }

        boolean known() {
            return html != null;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
                throws TemplateException, IOException {
            if (html != null) {
                env.getOut().write(html);
                return;
            }
            StringWriter out = new StringWriter(32 * 1024);
            body.render(out);
            String rendered = out.toString();
            remember(key, token, rendered);
            env.getOut().write(rendered);
        }
    }
}
