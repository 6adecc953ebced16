package kr.fm.arrears.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import kr.fm.arrears.messaging.internal.SendResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Demo mode: a newcomer sees messages go from QUEUED to SENT without any provider or SMTP server. */
class DemoModeTest {

    static MessagingProperties demo() {
        // port 1 on loopback answers nothing: any call out would come back as Retryable, not Accepted
        return new MessagingProperties(MessagingProperties.Mode.DEMO, 20, Duration.ofMinutes(5),
                new MessagingProperties.Gateway("http://127.0.0.1:1", "", "15880000", Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new MessagingProperties.Email("arrears@saebom-fm.co.kr"),
                new MessagingProperties.Retry(Duration.ofSeconds(30), Duration.ofHours(1), 6),
                new MessagingProperties.Quiet(LocalTime.of(8, 0), LocalTime.of(21, 0), true, true),
                new MessagingProperties.Webhook("secret"), MessagingProperties.Provider.SOLAPI,
                new MessagingProperties.Solapi("http://127.0.0.1:1", "", "", "", null), Duration.ofMinutes(10));
    }

    static Message message(long id, MessageKind kind) {
        return new Message(id, "case:1:REMINDER_1:" + kind, 1L, 1, 1, "REMINDER_1", kind.name(), kind,
                kind == MessageKind.EMAIL ? "ds@daesung.example" : "+821023456789", null, "제목", "본문", "<p>본문</p>",
                null, null, null, MessageState.SENDING, 1, 0, null, null, null, null, null, null, null, null, null, false, null, null, null, null, null, false);
    }

    @Test
    void in_demo_mode_texts_and_emails_are_marked_sent_without_calling_out() {
        MessageSender sender = new MessageSender(demo(), new ObjectMapper(), Clock.systemUTC(),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), null,
                new StaticListableBeanFactory().getBeanProvider(MessageAttachments.class)); // no SMTP, no provider keys

        assertThat(sender.send(List.of(message(7, MessageKind.ALIMTALK), message(8, MessageKind.EMAIL)), (keys, group) -> {
            throw new AssertionError("demo mode hands nothing to a provider");
        })).containsExactly(new SendResult.Accepted("demo-7"), new SendResult.Accepted("demo-8"));
        assertThat(sender.demo()).isTrue();
    }
}
