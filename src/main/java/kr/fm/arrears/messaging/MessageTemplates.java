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
 *
 * <p>A template that prints the account to pay into says so in its header ({@code "account": "printed"}:
 * the AlimTalk's, the SMS's, and for an e-mail its {@code .email-text.ftl}, which the HTML part mirrors); such a
 * message is held while the landlord has no account and the lease no 가상계좌 (SPEC "Send only what is still true").
 */
@Component
@RequiredArgsConstructor
class MessageTemplates {

    record Text(String code, String title, String text) {}

    record Email(String subject, String text, String html) {}

    private final Templates templates;

    /** Whether the channel's template of {@code base} prints the account to pay into (its header says so). */
    boolean printsAccount(String base, kr.fm.arrears.escalation.Channel channel) {
        String name = "messages/" + base + switch (channel) {
            case ALIMTALK -> ".alimtalk.ftl";
            case SMS -> ".sms.ftl";
            case EMAIL -> ".email-text.ftl";
            default -> throw new IllegalArgumentException("not a message channel: " + channel);
        };
        return templates.attribute(name, "account").filter("printed"::equals).isPresent();
    }

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
