package kr.fm.arrears.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the accountant's Excel does with a cell of the history CSV: shows it, never runs it. */
class CsvCellTest {

    @Test
    void a_value_excel_would_run_as_a_formula_is_kept_as_text() {
        assertThat(HistoryFiles.cell("=HYPERLINK(\"http://evil.example\",\"열기\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"열기\")");
        assertThat(HistoryFiles.cell("+82 10 1234 5678")).isEqualTo("'+82 10 1234 5678");
        assertThat(HistoryFiles.cell("-1")).isEqualTo("'-1");
        assertThat(HistoryFiles.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void ordinary_values_are_left_as_they_are() {
        assertThat(HistoryFiles.cell("(주)대성정밀")).isEqualTo("(주)대성정밀");
        assertThat(HistoryFiles.cell("2026-04-15 09:00")).isEqualTo("2026-04-15 09:00");
        assertThat(HistoryFiles.cell("")).isEmpty();
        assertThat(HistoryFiles.cell(null)).isNull();
    }
}
