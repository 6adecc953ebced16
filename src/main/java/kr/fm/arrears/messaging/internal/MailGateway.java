package kr.fm.arrears.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail over SMTP: a text and an HTML part and at most one attached file, UTF-8 throughout. */
@RequiredArgsConstructor
public class MailGateway {

    public record Mail(String requestId, String to, String subject, String text, String html, Attachment attachment) {

        public Mail(String requestId, String to, String subject, String text, String html) {
            this(requestId, to, subject, text, html, null);
        }
    }

    /** A file sent with the mail (the monthly report's PDF). */
    public record Attachment(String fileName, String contentType, byte[] bytes) {}

    private final JavaMailSender sender;
    private final String from;

    public SendResult send(Mail m) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(from);
            helper.setTo(m.to());
            helper.setSubject(m.subject());
            helper.setText(m.text(), m.html());
            if (m.attachment() != null) {
                helper.addAttachment(m.attachment().fileName(),
                        new org.springframework.core.io.ByteArrayResource(m.attachment().bytes()), m.attachment().contentType());
            }
            mime.setHeader("X-Request-Id", m.requestId());
            sender.send(mime);
            return new SendResult.Accepted(mime.getMessageID());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return new SendResult.Rejected("메일을 만들 수 없습니다: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            return new SendResult.Retryable("SMTP 인증 실패: " + e.getMessage(), Optional.empty());
        } catch (MailException e) {
            return new SendResult.Retryable("SMTP: " + e.getMessage(), Optional.empty());
        }
    }
}
