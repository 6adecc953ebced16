package kr.fm.arrears.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SMS is 90 bytes in EUC-KR (a Hangul syllable is 2 bytes); longer texts go as LMS, up to 2,000 bytes. */
class MessageKindTest {

    @Test
    void forty_five_hangul_syllables_are_90_bytes_and_still_an_sms() {
        assertThat(MessageKind.eucKrBytes("가".repeat(45))).isEqualTo(90);
        assertThat(MessageKind.forText("가".repeat(45))).isEqualTo(MessageKind.SMS);
    }

    @Test
    void one_more_syllable_makes_it_an_lms() {
        assertThat(MessageKind.forText("가".repeat(45) + "a")).isEqualTo(MessageKind.LMS);
    }

    @Test
    void a_text_over_2000_bytes_cannot_be_sent_as_a_text_message() {
        assertThat(MessageKind.forText("가".repeat(1000))).isEqualTo(MessageKind.LMS);
        assertThatThrownBy(() -> MessageKind.forText("가".repeat(1000) + "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
