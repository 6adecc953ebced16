package kr.fm.arrears.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import kr.fm.arrears.messaging.internal.MailGateway;
import kr.fm.arrears.messaging.internal.SendResult;
import kr.fm.arrears.messaging.internal.TextGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Hands one message to the gateway of its kind; in demo mode, to nobody. */
@Component
class MessageSender {

    private final MessagingProperties properties;
    private final TextGateway text;
    private final ObjectProvider<JavaMailSender> mailSender;
    private volatile MailGateway mail;

    MessageSender(MessagingProperties properties, ObjectMapper json, Clock clock, ObjectProvider<JavaMailSender> mailSender) {
        this.properties = properties;
        MessagingProperties.Gateway g = properties.gateway();
        this.text = new TextGateway(g.baseUrl(), g.apiKey(), g.connectTimeout(), g.readTimeout(), json, clock);
        this.mailSender = mailSender;
    }

    boolean demo() {
        return properties.mode() == MessagingProperties.Mode.DEMO;
    }

    SendResult send(Message m) {
        if (demo()) {
            return new SendResult.Accepted("demo-" + m.id());
        }
        return switch (m.kind()) {
            case ALIMTALK, SMS, LMS -> text.send(new TextGateway.TextMessage(m.requestId(), m.kind().name(), m.recipient(),
                    properties.gateway().sender(), m.templateCode(), m.subject(), m.body()));
            case EMAIL -> mail().send(new MailGateway.Mail(m.requestId(), m.recipient(), m.subject(), m.body(), m.htmlBody()));
        };
    }

    private MailGateway mail() {
        if (mail == null) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("e-mail needs spring.mail.host (or arrears.messaging.mode=demo)");
            }
            mail = new MailGateway(sender, properties.email().from());
        }
        return mail;
    }
}
