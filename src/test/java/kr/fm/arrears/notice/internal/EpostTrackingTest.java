package kr.fm.arrears.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The tracking API's answers as the fixtures give them (src/test/resources/providers/epost): read, or refused. */
class EpostTrackingTest {

    @Test
    void a_letter_on_its_way_is_in_transit_with_each_event() {
        EpostTracking.Trace t = EpostTracking.parse(fixture("in-transit.xml"));
        assertThat(t.outcome()).isEqualTo(EpostTracking.Outcome.IN_TRANSIT);
        assertThat(t.events()).extracting(EpostTracking.Event::status).containsExactly("접수", "발송", "도착");
        assertThat(t.events().get(2)).isEqualTo(new EpostTracking.Event(LocalDate.of(2026, 4, 16), "06:12", "화성우체국", "도착", ""));
        assertThat(t.date()).isNull();
    }

    @Test
    void a_delivered_letter_has_the_day_of_delivery_and_who_took_it() {
        EpostTracking.Trace t = EpostTracking.parse(fixture("delivered.xml"));
        assertThat(t.outcome()).isEqualTo(EpostTracking.Outcome.DELIVERED);
        assertThat(t.date()).isEqualTo(LocalDate.of(2026, 4, 16)); // written 2026.04.16 in this answer
        assertThat(t.receiver()).isEqualTo("김대성 - 본인");
        assertThat(t.events()).hasSize(5);
    }

    @Test
    void a_returned_letter_has_the_post_offices_reason() {
        EpostTracking.Trace t = EpostTracking.parse(fixture("returned.xml"));
        assertThat(t.outcome()).isEqualTo(EpostTracking.Outcome.RETURNED);
        assertThat(t.date()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(t.reason()).isEqualTo("수취인부재");
    }

    @Test
    void the_apis_error_header_the_portals_error_and_garbage_are_failures_not_statuses() {
        assertThatThrownBy(() -> EpostTracking.parse(fixture("error-header.xml")))
                .isInstanceOf(EpostTracking.Failure.class).hasMessageContaining("SYSTEM ERROR").hasMessageContaining("99");
        assertThatThrownBy(() -> EpostTracking.parse(fixture("portal-key-error.xml")))
                .isInstanceOf(EpostTracking.Failure.class).hasMessageContaining("SERVICE_KEY_IS_NOT_REGISTERED_ERROR");
        assertThatThrownBy(() -> EpostTracking.parse("<html>점검 중</html".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EpostTracking.Failure.class);
        assertThatThrownBy(() -> EpostTracking.parse(new byte[0])).isInstanceOf(EpostTracking.Failure.class);
        // a delivered answer whose date cannot be read is not taken as delivered on some other day
        String noDate = new String(fixture("delivered.xml"), StandardCharsets.UTF_8).replace("2026.04.16</dlvyDate>", "어제</dlvyDate>");
        assertThatThrownBy(() -> EpostTracking.parse(noDate.getBytes(StandardCharsets.UTF_8))).isInstanceOf(EpostTracking.Failure.class);
        // no entities: an answer is data
        assertThatThrownBy(() -> EpostTracking.parse("<!DOCTYPE x [<!ENTITY y SYSTEM \"file:///etc/passwd\">]><x>&y;</x>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(EpostTracking.Failure.class);
    }

    @Test
    void the_receiver_is_read_from_the_delivery_detail() {
        assertThat(EpostTracking.receiver("배달(수령인:홍길동 - 회사동료)")).isEqualTo("홍길동 - 회사동료");
        assertThat(EpostTracking.receiver("")).isNull();
    }

    @Test
    void without_a_service_key_tracking_is_off() {
        kr.fm.arrears.notice.NoticeProperties off = new kr.fm.arrears.notice.NoticeProperties(null,
                new kr.fm.arrears.notice.NoticeProperties.Tracking(" ", "http://openapi.epost.go.kr", java.time.Duration.ofSeconds(1), null),
                null, null, null);
        assertThat(new EpostTracking(off, org.springframework.web.client.RestClient.builder()).enabled()).isFalse();
    }

    static byte[] fixture(String name) {
        try (InputStream in = EpostTrackingTest.class.getResourceAsStream("/providers/epost/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
