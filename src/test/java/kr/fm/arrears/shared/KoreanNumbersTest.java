package kr.fm.arrears.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "220-81-62517, 2208162517",
            "2208162517, 2208162517",
            "124-81-00004, 1248100004",
            "123-45-67890, ",
            "220-81-62518, ",
            "220-81-6251, ",
            "abcdefghij, "})
    void business_numbers_are_accepted_only_with_the_right_check_digit(String raw, String expected) {
        assertThat(BusinessNumber.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "010-1234-5678, +821012345678",
            "01012345678, +821012345678",
            "+82 10 1234 5678, +821012345678",
            "02-555-0123, +8225550123",
            "02-1234-5678, +82212345678",
            "031-355-1200, +82313551200",
            "070-1234-5678, +827012345678",
            "1588-1234, +8215881234",
            "010-123-456, ",
            "123-4567, ",
            "+1 415 555 0100, "})
    void phone_numbers_are_normalised_to_e164_or_refused(String raw, String expected) {
        assertThat(PhoneNumber.toE164(raw)).isEqualTo(expected);
    }

    @Test
    void only_mobile_numbers_receive_texts() {
        assertThat(PhoneNumber.isMobile("+821012345678")).isTrue();
        assertThat(PhoneNumber.isMobile("+8225550123")).isFalse();
        assertThat(PhoneNumber.isMobile("+8215881234")).isFalse();
    }

    @Test
    void money_and_dates_read_as_korean_letters_write_them() {
        assertThat(Won.format(3_300_000)).isEqualTo("3,300,000원");
        assertThat(Won.format(0)).isEqualTo("0원");
        assertThat(Won.format(999)).isEqualTo("999원");
        assertThat(Won.format(1_000)).isEqualTo("1,000원");
        assertThat(Won.format(-1_210_000)).isEqualTo("-1,210,000원");
        assertThat(Won.format(Won.MAX)).isEqualTo("100,000,000,000원");
        assertThat(Won.format(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808원");
        assertThat(Won.date(LocalDate.of(2026, 3, 31))).isEqualTo("2026년 3월 31일");
    }
}
