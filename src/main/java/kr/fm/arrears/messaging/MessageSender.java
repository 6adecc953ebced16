package kr.fm.arrears.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.messaging.internal.MailGateway;
import kr.fm.arrears.messaging.internal.SendResult;
import kr.fm.arrears.messaging.internal.SolapiClient;
import kr.fm.arrears.messaging.internal.SolapiProvider;
import kr.fm.arrears.messaging.internal.TextGateway;
import kr.fm.arrears.messaging.internal.TextProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands a claimed batch to the provider of each kind: the texts together to the text provider (Solapi
 * sends them as one group), each e-mail to SMTP; in demo mode, to nobody. Results come back in the
 * batch's order.
 */
@Component
class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final MessagingProperties properties;
    private final TextProvider text;
    private final RegisteredTemplates registered;
    private final ObjectProvider<JavaMailSender> mailSender;
    private volatile MailGateway mail;
    private final ObjectProvider<MessageAttachments> attachments;

    MessageSender(MessagingProperties properties, ObjectMapper json, Clock clock, ObjectProvider<JavaMailSender> mailSender,
            RegisteredTemplates registered, ObjectProvider<MessageAttachments> attachments) {
        this.properties = properties;
        this.attachments = attachments;
        this.registered = registered;
        this.text = provider(properties, json, clock);
        this.mailSender = mailSender;
    }

    /** Solapi in production; the generic HTTP gateway (one request per message, X-Request-Id) as a test double. */
    private static TextProvider provider(MessagingProperties p, ObjectMapper json, Clock clock) {
        MessagingProperties.Gateway g = p.gateway();
        if (p.provider() == MessagingProperties.Provider.GENERIC) {
            return new TextGateway(g.baseUrl(), g.apiKey(), g.connectTimeout(), g.readTimeout(), json, clock);
        }
        MessagingProperties.Solapi s = p.solapi();
        if (p.mode() == MessagingProperties.Mode.LIVE) {
            List<String> missing = s.missing(g.sender());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("live messaging through Solapi needs " + String.join(", ", missing)
                        + " (docs/messaging.md)");
            }
        }
        return new SolapiProvider(new SolapiClient(s.baseUrl(), s.apiKey(), s.apiSecret(), g.connectTimeout(),
                g.readTimeout(), json, clock), s.pfId(), code -> s.templates().get(code));
    }

    boolean demo() {
        return properties.mode() == MessagingProperties.Mode.DEMO;
    }

    TextProvider texts() {
        return text;
    }

    /** One result per message, in order; {@code groups} keeps a text's provider group before it is handed over. */
    List<SendResult> send(List<Message> batch, TextProvider.Groups groups) {
        SendResult[] results = new SendResult[batch.size()];
        List<Integer> texts = new ArrayList<>();
        List<TextProvider.Text> outgoing = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message m = batch.get(i);
            if (demo()) {
                results[i] = new SendResult.Accepted("demo-" + m.id());
            } else if (m.kind() == MessageKind.EMAIL) {
                results[i] = safely(() -> mail(m), m);
            } else {
                Optional<TextProvider.Text> t = text(m);
                if (t.isEmpty()) {
                    results[i] = new SendResult.Rejected("알림톡 글이 등록된 템플릿 "
                            + m.templateCode() + "과 맞지 않습니다 (templates/messages/registered)");
                } else {
                    texts.add(i);
                    outgoing.add(t.get());
                }
            }
        }
        if (!outgoing.isEmpty()) {
            List<SendResult> sent;
            try {
                sent = text.send(outgoing, groups);
            } catch (RuntimeException e) {
                log.warn("sending {} text(s) failed unexpectedly", outgoing.size(), e);
                SendResult retry = new SendResult.Retryable("unexpected: " + e, Optional.empty());
                sent = outgoing.stream().map(o -> retry).toList();
            }
            for (int k = 0; k < texts.size(); k++) {
                results[texts.get(k)] = sent.get(k);
            }
        }
        return List.of(results);
    }

    private Optional<TextProvider.Text> text(Message m) {
        Map<String, String> variables = Map.of();
        if (m.kind() == MessageKind.ALIMTALK) {
            Optional<Map<String, String>> filled = registered.variables(m.templateCode(), m.body());
            if (filled.isEmpty()) {
                return Optional.empty();
            }
            variables = filled.get();
        }
        String type = m.kind() == MessageKind.ALIMTALK ? "ATA" : m.kind().name();
        return Optional.of(new TextProvider.Text(m.requestId(), type, m.recipient(), properties.gateway().sender(),
                m.templateCode(), variables, m.subject(), m.body(), m.providerGroup()));
    }

    private static SendResult safely(java.util.function.Supplier<SendResult> send, Message m) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            log.warn("sending message {} failed unexpectedly", m.id(), e);
            return new SendResult.Retryable("unexpected: " + e, Optional.empty());
        }
    }

    /** The e-mail, with its attached document fetched now from the module that stores it. */
    private SendResult mail(Message m) {
        MailGateway.Attachment file = null;
        if (m.attachmentRef() != null) {
            Optional<MessageAttachments.File> found = attachments.orderedStream().map(a -> a.fetch(m.attachmentRef()))
                    .flatMap(Optional::stream).findFirst();
            if (found.isEmpty()) {
                return new SendResult.Rejected("the attachment " + m.attachmentRef() + " is not stored");
            }
            file = new MailGateway.Attachment(found.get().fileName(), found.get().contentType(), found.get().bytes());
        }
        return mail().send(new MailGateway.Mail(m.requestId(), m.recipient(), m.subject(), m.body(), m.htmlBody(), file));
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
