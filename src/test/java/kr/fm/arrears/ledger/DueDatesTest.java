package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    @ParameterizedTest(name = "due day {1} in {0} is {2}")
    @CsvSource({
            "2026-02, 31, 2026-02-28",
            "2028-02, 31, 2028-02-29",
            "2026-04, 31, 2026-04-30",
            "2026-02, 29, 2026-02-28",
            "2026-03, 31, 2026-03-31",
            "2026-03, 1, 2026-03-01"})
    void the_due_day_is_clamped_to_the_last_day_of_the_month(String month, int dueDay, String expected) {
        assertThat(DueDates.in(YearMonth.parse(month), dueDay)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void first_due_date_on_or_after_the_start_and_last_on_or_before_the_end_without_proration() {
        assertThat(DueDates.between(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-04-09"), 10))
                .containsExactly(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-03-10"));
    }
}
