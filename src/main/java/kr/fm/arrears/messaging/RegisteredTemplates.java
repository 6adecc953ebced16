package kr.fm.arrears.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.fm.arrears.templates.Templates;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The AlimTalk texts exactly as Kakao approved them, with their #{variables}
 * ({@code templates/messages/registered/{code}.txt}). A provider that fills variables into the
 * registered text (Solapi's {@code kakaoOptions.variables}) gets them read back from the text we
 * rendered: the registered text becomes a pattern, each variable a group. A rendered text that does not
 * fit its registered one would be refused by Kakao, so it is caught here, before anything leaves.
 */
@Component
@RequiredArgsConstructor
class RegisteredTemplates {

    private static final Pattern VARIABLE = Pattern.compile("#\\{[^}]+}");

    private final Templates templates;
    private final Map<String, Registered> byCode = new ConcurrentHashMap<>();

    private record Registered(String text, List<String> variables, Pattern pattern) {}

    /** The registered text of a template code. */
    String text(String code) {
        return registered(code).text();
    }

    /** "#{임차인}" → "(주)대성정밀", … such that filling them into the registered text gives {@code rendered}. */
    Optional<Map<String, String>> variables(String code, String rendered) {
        Registered r = registered(code);
        Matcher m = r.pattern().matcher(rendered.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < r.variables().size(); i++) {
            values.putIfAbsent(r.variables().get(i), m.group(i + 1));
        }
        return Optional.of(values);
    }

    /** The registered text with the variables filled in: what the tenant's phone shows. */
    String fill(String code, Map<String, String> variables) {
        String text = registered(code).text();
        for (Map.Entry<String, String> v : variables.entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        return text;
    }

    private Registered registered(String code) {
        return byCode.computeIfAbsent(code, c -> {
            String text = templates.text("messages/registered/" + c + ".txt").strip();
            List<String> variables = VARIABLE.matcher(text).results().map(r -> r.group()).toList();
            StringBuilder regex = new StringBuilder();
            int at = 0;
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.*?)");
                at = m.end();
            }
            regex.append(Pattern.quote(text.substring(at)));
            return new Registered(text, variables, Pattern.compile(regex.toString(), Pattern.DOTALL));
        });
    }
}
