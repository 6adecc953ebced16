package kr.fm.arrears.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.imports.StatementExamples;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A landlord's statement through the API: deposits matched by the tenant's name and amount, the rest
 * queued; an overlapping statement records nothing twice; a person assigns (teaching the alias),
 * splits or marks "not rent"; staff only, and a lease of another landlord is not found.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankStatementTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Portfolios portfolios;

    Map<String, Long> leases;

    @BeforeAll
    void portfolio() {
        leases = portfolios.given().examples().landlordAccount("owner-a", "owner-a-password", "한울산업개발", "한울").make()
                .leaseIds();
    }

    @Test
    @Order(1)
    void deposits_under_the_tenants_name_and_amount_are_applied_and_the_rest_wait() {
        long paymentsBefore = count("payment");
        Api.Response r = upload(StatementExamples.all().get(0)); // KB국민 xlsx of 한울산업개발

        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().get("layout").asText()).startsWith("KB국민은행");
        assertThat(r.body().get("deposits").asInt()).isEqualTo(5);
        assertThat(r.body().get("matched").asInt()).isEqualTo(3);
        assertThat(r.body().get("waiting").asInt()).isEqualTo(2);
        assertThat(count("payment")).isEqualTo(paymentsBefore + 3);
        assertThat(jdbc.sql("""
                SELECT l.code || ' ' || x.rule || ' ' || x.amount FROM bank_line_payment x JOIN lease l ON l.id = x.lease_id
                ORDER BY x.id""").query(String.class).list())
                .containsExactly("HW-101 TENANT_NAME 3630000", "HW-301 TENANT_NAME 1815000", "HW-302 TENANT_NAME 2420000");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BANK_LINE_MATCHED'").query(Long.class).single())
                .isEqualTo(3);

        JsonNode queue = api.get("/api/bank-lines").body();
        assertThat(payers(queue)).containsExactly("김대성", "결산이자");
        // the representative paid the monthly total of HW-101: that lease is among the suggestions
        assertThat(queue.get(0).get("suggestions").findValuesAsText("leaseCode")).contains("HW-101");
    }

    @Test
    @Order(2)
    void the_same_lines_in_another_export_and_an_overlapping_statement_are_recorded_once() {
        long lines = count("bank_line");
        long payments = count("payment");
        Api.Response html = upload(StatementExamples.all().get(2)); // 우리 HTML-xls: the same April lines
        assertThat(html.status()).as(String.valueOf(html.body())).isEqualTo(200);
        assertThat(html.body().get("newLines").asInt()).isZero();
        assertThat(html.body().get("alreadyImported").asInt()).isEqualTo(5);

        // last week's two lines again plus one new one
        String csv = "거래일시,출금금액(원),입금금액(원),거래후잔액(원),거래내용,거래기록사항,거래점,거래메모\n"
                + "2026-04-30 09:00:00,,\"2,420,000\",\"22,420,700\",타행이체,주식회사 성진물산,평택,\n"
                + "2026-04-30 23:59:59,,\"1,234\",\"22,421,934\",결산이자,,,\n"
                + "2026-05-02 10:00:00,,\"4,235,000\",\"26,656,934\",타행이체,한울입주사협의회,,\n";
        Api.Response overlap = upload("overlap.csv", csv.getBytes(StandardCharsets.UTF_8), StatementExamples.ACCOUNT_A);
        assertThat(overlap.status()).as(String.valueOf(overlap.body())).isEqualTo(200);
        assertThat(overlap.body().get("newLines").asInt()).isEqualTo(1);
        assertThat(count("bank_line")).isEqualTo(lines + 1);
        assertThat(count("payment")).isEqualTo(payments);
    }

    @Test
    @Order(3)
    void assigning_a_line_pays_the_lease_and_teaches_the_payer_so_next_month_matches_by_itself() {
        long line = lineOf("김대성");
        long paidBefore = paid("HW-101");
        Api.Response r = api.postJson("/api/bank-lines/" + line + "/assign", Map.of("leaseId", leases.get("HW-101"), "teachAlias", true));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().get("state").asText()).isEqualTo("MATCHED");
        assertThat(paid("HW-101")).isEqualTo(paidBefore + 3_630_000);
        assertThat(api.postJson("/api/bank-lines/" + line + "/assign", Map.of("leaseId", leases.get("HW-101"))).status())
                .isEqualTo(409);

        String may = "거래일시,출금금액(원),입금금액(원),거래후잔액(원),거래내용,거래기록사항,거래점,거래메모\n"
                + "2026-05-11 14:00:00,,\"1,000,000\",\"27,656,934\",모바일,김 대성,,\n";
        Api.Response next = upload("may.csv", may.getBytes(StandardCharsets.UTF_8), StatementExamples.ACCOUNT_A);
        assertThat(next.body().get("matched").asInt()).as(String.valueOf(next.body())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT rule FROM bank_line_payment ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("ALIAS");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('BANK_LINE_ASSIGNED', 'PAYER_ALIAS_LEARNED')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void a_deposit_for_two_leases_is_split_and_its_parts_must_add_up() {
        long line = lineOf("한울입주사협의회");
        Api.Response wrong = api.postJson("/api/bank-lines/" + line + "/split", Map.of("parts", List.of(
                Map.of("leaseId", leases.get("HW-301"), "amount", 1_815_000), Map.of("leaseId", leases.get("HW-302"), "amount", 1))));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body().get("errors").get(0).get("field").asText()).isEqualTo("parts");

        Api.Response other = api.postJson("/api/bank-lines/" + line + "/split", Map.of("parts", List.of(
                Map.of("leaseId", leases.get("HW-301"), "amount", 1_815_000), Map.of("leaseId", leases.get("SD-B12"), "amount", 2_420_000))));
        assertThat(other.status()).as("a lease of another landlord").isEqualTo(404);

        long payments = count("payment");
        Api.Response ok = api.postJson("/api/bank-lines/" + line + "/split", Map.of("parts", List.of(
                Map.of("leaseId", leases.get("HW-301"), "amount", 1_815_000), Map.of("leaseId", leases.get("HW-302"), "amount", 2_420_000))));
        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(200);
        assertThat(ok.body().get("applied")).hasSize(2);
        assertThat(count("payment")).isEqualTo(payments + 2);
    }

    @Test
    @Order(5)
    void interest_is_marked_not_rent_with_a_reason_and_never_reaches_a_ledger() {
        long line = lineOf("결산이자");
        assertThat(api.postJson("/api/bank-lines/" + line + "/ignore", Map.of("reason", " ")).status()).isEqualTo(422);
        long payments = count("payment");
        Api.Response r = api.postJson("/api/bank-lines/" + line + "/ignore", Map.of("reason", "예금 결산이자"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("state").asText()).isEqualTo("NOT_RENT");
        assertThat(count("payment")).isEqualTo(payments);
        assertThat(payers(api.get("/api/bank-lines").body())).isEmpty();
        assertThat(payers(api.get("/api/bank-lines?state=NOT_RENT").body())).containsExactly("결산이자");
    }

    @Test
    @Order(6)
    void a_deposit_to_a_leases_virtual_account_is_matched_whatever_the_payer() {
        Api.Response set = api.putJson("/api/leases/" + leases.get("SD-B12") + "/virtual-account", Map.of("virtualAccount", "562-9012-3456-78"));
        assertThat(set.status()).as(String.valueOf(set.body())).isEqualTo(200);
        assertThat(set.body().get("virtualAccount").asText()).isEqualTo("5629012345678");
        assertThat(api.putJson("/api/leases/" + leases.get("HW-101") + "/virtual-account", Map.of("virtualAccount", "5629012345678"))
                .body().get("errors").get(0).get("field").asText()).isEqualTo("virtualAccount");

        String csv = "가상계좌 입금내역\n입금일시,가상계좌번호,입금자명,입금액,메모\n2026-05-01 09:30:00,562-9012-3456-78,최그린,500000,\n";
        Api.Response r = upload("va.csv", csv.getBytes(StandardCharsets.UTF_8), StatementExamples.ACCOUNT_B);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().get("matched").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT rule FROM bank_line_payment ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("VIRTUAL_ACCOUNT");
    }

    @Test
    @Order(7)
    void a_file_with_bad_rows_or_an_unknown_account_changes_nothing_and_says_where() {
        long lines = count("bank_line");
        long audit = count("audit_event");
        String csv = "거래일시,출금금액(원),입금금액(원),거래후잔액(원),거래내용,거래기록사항,거래점,거래메모\n"
                + "2026-06-01 10:00:00,,\"1,000\",,이체,갑,,\n"
                + "2026-02-30 10:00:00,,\"1,000\",,이체,을,,\n"
                + "2026-06-02 10:00:00,,\"100,000,000,001\",,이체,병,,\n";
        Api.Response r = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), StatementExamples.ACCOUNT_A);
        assertThat(r.status()).isEqualTo(422);
        List<String> where = new ArrayList<>();
        r.body().get("errors").forEach(e -> where.add(e.get("row").asInt() + " " + e.get("column").asText()));
        assertThat(where).containsExactly("3 거래일시", "4 입금금액(원)");

        Api.Response unknown = upload("ok.csv", csv.getBytes(StandardCharsets.UTF_8), "999-999-999999");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("account");
        assertThat(count("bank_line")).isEqualTo(lines);
        assertThat(count("audit_event")).isEqualTo(audit);
    }

    @Test
    @Order(8)
    void a_landlord_may_neither_import_nor_read_bank_lines() {
        Api landlord = api.as("owner-a", "owner-a-password");
        assertThat(landlord.get("/api/bank-lines").status()).isEqualTo(403);
        assertThat(landlord.postFile("/api/imports/bank-statements?account=" + StatementExamples.ACCOUNT_A, "file", "kb.xlsx",
                StatementExamples.bytes(StatementExamples.all().get(0))).status()).isEqualTo(403);
        assertThat(api.get("/api/bank-lines/999999").status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void an_automatic_match_is_reversed_without_deleting_the_payment_and_can_be_assigned_again() {
        long line = lineOf("주식회사 성진물산");
        long paid = paid("HW-302");
        long payments = count("payment");
        assertThat(api.postJson("/api/bank-lines/" + line + "/reverse", Map.of("reason", "")).status()).isEqualTo(422);
        Api.Response r = api.postJson("/api/bank-lines/" + line + "/reverse", Map.of("reason", "다른 호실 입금"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().get("state").asText()).isEqualTo("UNMATCHED");
        assertThat(paid("HW-302")).isEqualTo(paid - 2_420_000);
        assertThat(count("payment")).as("nothing deleted").isEqualTo(payments);
        assertThat(payers(api.get("/api/bank-lines").body())).contains("주식회사 성진물산");
        assertThat(api.postJson("/api/bank-lines/" + line + "/reverse", Map.of("reason", "again")).status()).isEqualTo(409);

        Api.Response again = api.postJson("/api/bank-lines/" + line + "/assign", Map.of("leaseId", leases.get("HW-302")));
        assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(200);
        assertThat(paid("HW-302")).isEqualTo(paid);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('PAYMENT_REVERSED', 'BANK_LINE_REVERSED')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @Order(10)
    void a_line_s_payment_corrected_in_the_ledger_moves_the_line_s_match_or_lets_it_wait_again() {
        long line = lineOf("주식회사 성진물산"); // matched to HW-302 again by the test before
        long payment = jdbc.sql("SELECT payment_id FROM bank_line_payment WHERE bank_line_id = ? AND NOT reversed")
                .param(line).query(Long.class).single();

        Api.Response moved = api.postJson("/api/payments/" + payment + "/rebook",
                Map.of("leaseId", leases.get("HW-301"), "reason", "호실 착오"));
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(200);
        JsonNode matched = api.get("/api/bank-lines/" + line).body();
        assertThat(matched.get("state").asText()).as("booked on the right lease, not waiting to be booked twice")
                .isEqualTo("MATCHED");
        assertThat(matched.get("applied")).extracting(a -> a.get("leaseCode").asText()).containsExactly("HW-301");
        assertThat(payers(api.get("/api/bank-lines").body())).doesNotContain("주식회사 성진물산");

        long rebooked = moved.body().get("paymentId").asLong();
        assertThat(api.postJson("/api/payments/" + rebooked + "/reverse", Map.of("reason", "부도 처리")).status()).isEqualTo(200);
        assertThat(api.get("/api/bank-lines/" + line).body().get("state").asText()).isEqualTo("UNMATCHED");
        assertThat(payers(api.get("/api/bank-lines").body())).as("waits for a person again").contains("주식회사 성진물산");
    }

    private Api.Response upload(StatementExamples.Example e) {
        return upload(e.file(), StatementExamples.bytes(e), e.account());
    }

    private Api.Response upload(String name, byte[] bytes, String account) {
        return api.postFile("/api/imports/bank-statements?account=" + account, "file", name, bytes);
    }

    private long lineOf(String payer) {
        return jdbc.sql("SELECT id FROM bank_line WHERE payer = ? ORDER BY id LIMIT 1").param(payer).query(Long.class).single();
    }

    /** What the lease's ledger shows as paid, as the API lists it. */
    private long paid(String code) {
        long sum = 0;
        for (JsonNode p : api.get("/api/leases/" + leases.get(code) + "/payments").body()) {
            sum += p.get("reversed").asBoolean() ? 0 : p.get("amount").asLong();
        }
        return sum;
    }

    private static List<String> payers(JsonNode lines) {
        List<String> payers = new ArrayList<>();
        lines.forEach(l -> payers.add(l.get("payer").asText()));
        return payers;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
