package kr.fm.arrears.messaging;

import java.util.Map;
import kr.fm.arrears.templates.Templates;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The message templates under {@code templates/messages/}: for a base name such as "reminder-1",
 * {@code reminder-1.alimtalk.ftl} (carries its Kakao template code in {@code <#ftl attributes={"code": ...}>}),
 * {@code reminder-1.sms.ftl} (its LMS title in the "title" attribute), and the e-mail's
 * {@code .email-subject.ftl}, {@code .email-text.ftl} and {@code .email-html.ftlh}.
 */
@Component
@RequiredArgsConstructor
class MessageTemplates {

    record Text(String code, String title, String text) {}

    record Email(String subject, String text, String html) {}

    private final Templates templates;

    Text alimTalk(String base, Map<String, ?> model) {
        String name = "messages/" + base + ".alimtalk.ftl";
        String code = templates.attribute(name, "code")
                .orElseThrow(() -> new IllegalStateException(name + " has no registered template code"));
        return new Text(code, null, templates.render(name, model).strip());
    }

    Text sms(String base, Map<String, ?> model) {
        String name = "messages/" + base + ".sms.ftl";
        return new Text(null, templates.attribute(name, "title").orElse(null), templates.render(name, model).strip());
    }

    Email email(String base, Map<String, ?> model) {
        String prefix = "messages/" + base;
        return new Email(templates.render(prefix + ".email-subject.ftl", model).strip(),
                templates.render(prefix + ".email-text.ftl", model).strip(),
                templates.render(prefix + ".email-html.ftlh", model));
    }
}
