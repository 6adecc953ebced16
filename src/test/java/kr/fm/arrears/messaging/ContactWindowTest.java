package kr.fm.arrears.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import kr.fm.arrears.shared.BusinessTime;
import org.junit.jupiter.api.Test;

/** SPEC "When people may be contacted": 08:00–21:00 Seoul, not on Sundays or public holidays. */
class ContactWindowTest {

    static final ContactWindow WINDOW = ContactWindow.DEFAULT;
    // 2026-04-15 is a Wednesday; 2026-05-05 (어린이날) a Tuesday; 2026-04-19 a Sunday
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 5, 5), LocalDate.of(2026, 9, 24),
            LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26));

    static Instant seoul(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BusinessTime.SEOUL).toInstant();
    }

    @Test
    void at_20_59_a_text_may_still_go_out() {
        assertThat(WINDOW.isOpen(seoul("2026-04-15T20:59:59"), HOLIDAYS)).isTrue();
        assertThat(WINDOW.nextOpening(seoul("2026-04-15T20:59"), HOLIDAYS)).isEqualTo(seoul("2026-04-15T20:59"));
    }

    @Test
    void at_21_00_it_waits_until_08_00_the_next_morning() {
        assertThat(WINDOW.isOpen(seoul("2026-04-15T21:00"), HOLIDAYS)).isFalse();
        assertThat(WINDOW.nextOpening(seoul("2026-04-15T21:00"), HOLIDAYS)).isEqualTo(seoul("2026-04-16T08:00"));
    }

    @Test
    void at_07_59_it_waits_until_08_00_the_same_morning() {
        assertThat(WINDOW.isOpen(seoul("2026-04-16T07:59:59"), HOLIDAYS)).isFalse();
        assertThat(WINDOW.nextOpening(seoul("2026-04-16T07:59"), HOLIDAYS)).isEqualTo(seoul("2026-04-16T08:00"));
    }

    @Test
    void at_08_00_it_goes_out() {
        assertThat(WINDOW.isOpen(seoul("2026-04-16T08:00"), HOLIDAYS)).isTrue();
    }

    @Test
    void on_childrens_day_nothing_goes_out_and_it_waits_for_the_next_morning() {
        assertThat(WINDOW.isOpen(seoul("2026-05-05T10:00"), HOLIDAYS)).isFalse();
        assertThat(WINDOW.nextOpening(seoul("2026-05-05T10:00"), HOLIDAYS)).isEqualTo(seoul("2026-05-06T08:00"));
    }

    @Test
    void a_saturday_evening_message_waits_over_sunday_until_monday_morning() {
        // Sat 18 April 21:30 → Sun 19 held → Mon 20 April 08:00
        assertThat(WINDOW.nextOpening(seoul("2026-04-18T21:30"), HOLIDAYS)).isEqualTo(seoul("2026-04-20T08:00"));
    }

    @Test
    void chuseok_thursday_to_saturday_and_the_sunday_after_hold_a_message_until_monday() {
        // 추석 Thu 24 – Sat 26 September, Sunday 27 → Monday 28 September 08:00
        assertThat(WINDOW.nextOpening(seoul("2026-09-23T21:00"), HOLIDAYS)).isEqualTo(seoul("2026-09-28T08:00"));
    }

    @Test
    void holding_sundays_and_holidays_can_be_switched_off_but_night_stays_quiet() {
        ContactWindow everyDay = new ContactWindow(LocalTime.of(8, 0), LocalTime.of(21, 0), false, false);
        assertThat(everyDay.isOpen(seoul("2026-04-19T10:00"), HOLIDAYS)).isTrue();
        assertThat(everyDay.isOpen(seoul("2026-05-05T10:00"), HOLIDAYS)).isTrue();
        assertThat(everyDay.isOpen(seoul("2026-05-05T21:00"), HOLIDAYS)).isFalse();
    }
}
