package kr.fm.arrears.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.fm.arrears.bank.Deposit;
import kr.fm.arrears.shared.ImportRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Statements as banks export them: every deposit read with its date-time, amount and payer; nothing else. */
class StatementReaderTest {

    private static final long LIMIT = 20L * 1024 * 1024;

    static List<StatementExamples.Example> examples() {
        return StatementExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_deposit_of_a_bank_layout_is_read_and_withdrawals_titles_and_totals_are_not(StatementExamples.Example e) {
        StatementReader.Read read = StatementReader.read(StatementExamples.bytes(e), LIMIT, Optional.empty());

        assertThat(read.layout()).isEqualTo(e.bank());
        List<StatementExamples.Tx> deposits = e.txs().stream().filter(t -> t.deposit() > 0).toList();
        assertThat(read.deposits()).extracting(Deposit::at, Deposit::amount, Deposit::balance)
                .containsExactlyElementsOf(deposits.stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.at(), t.deposit(), t.balance())).toList());
        // the payer as printed; a deposit without one (결산이자) reads its 적요 where the layout has one
        assertThat(read.deposits()).extracting(Deposit::payer).containsExactlyElementsOf(deposits.stream()
                .map(t -> t.payer().isEmpty() && !e.bank().equals("IBK기업은행") ? t.summary() : t.payer()).toList());
    }

    @Test
    void the_kinds_are_told_by_their_bytes_not_their_names() {
        Map<String, StatementFile.Kind> kinds = Map.of("KB국민은행", StatementFile.Kind.XLSX, "신한은행", StatementFile.Kind.XLS,
                "우리은행", StatementFile.Kind.HTML, "NH농협은행", StatementFile.Kind.CSV);
        for (StatementExamples.Example e : StatementExamples.all()) {
            if (kinds.containsKey(e.bank())) {
                assertThat(StatementReader.read(StatementExamples.bytes(e), LIMIT, Optional.empty()).kind())
                        .as(e.file()).isEqualTo(kinds.get(e.bank()));
            }
        }
    }

    @Test
    void the_example_files_in_the_docs_are_the_ones_generated_here_and_read() throws Exception {
        for (StatementExamples.Example e : StatementExamples.all()) {
            byte[] shipped = Files.readAllBytes(Path.of("docs/examples/bank", e.file()));
            assertThat(StatementReader.read(shipped, LIMIT, Optional.empty()).deposits())
                    .as(e.file()).hasSize((int) e.txs().stream().filter(t -> t.deposit() > 0).count());
        }
    }

    @Test
    void a_bad_row_rejects_the_whole_file_naming_row_and_column() {
        String csv = "거래내역조회\n\n거래일시,출금금액(원),입금금액(원),거래후잔액(원),거래내용,거래기록사항,거래점,거래메모\n"
                + "2026-04-31 10:00:00,,\"1,000\",\"1,000\",이체,갑,본점,\n"
                + "2026-04-10 10:00:00,,1.5,\"2,000\",이체,을,본점,\n"
                + "2026-04-11 10:00:00,,\"1,000\",\"3,000\",이체,병\u0007,본점,\n";
        assertThatThrownBy(() -> StatementReader.read(csv.getBytes(StandardCharsets.UTF_8), LIMIT, Optional.empty()))
                .isInstanceOfSatisfying(ImportRejected.class, r -> assertThat(r.errors())
                        .extracting(x -> x.row() + " " + x.column())
                        .containsExactly("4 거래일시", "5 입금금액(원)", "6 거래기록사항"));
    }

    @Test
    void a_layout_no_profile_knows_is_refused_until_a_mapping_is_saved() {
        String csv = "일자,받은돈,보낸돈,보낸사람\n2026/04/10 10:00,\"5,000\",,홍길동상회\n2026/04/11 10:00,,300,전기\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StatementReader.read(bytes, LIMIT, Optional.empty())).isInstanceOf(ImportRejected.class)
                .hasMessageContaining("1 error");
        var mapping = BankLayouts.fromMapping(Map.of("dateTime", "일자", "deposit", "받은돈", "withdrawal", "보낸돈", "payer", "보낸사람"));
        List<Deposit> read = StatementReader.read(bytes, LIMIT, Optional.of(mapping)).deposits();
        assertThat(read).extracting(Deposit::payer, Deposit::amount).containsExactly(org.assertj.core.groups.Tuple.tuple("홍길동상회", 5000L));
    }

    @Test
    void a_file_over_the_limit_is_refused_before_it_is_read() {
        assertThatThrownBy(() -> StatementReader.read(new byte[1025], 1024, Optional.empty()))
                .isInstanceOfSatisfying(ImportRejected.class, r -> assertThat(r.errors().get(0).message()).contains("MB보다 큽니다"));
    }
}
