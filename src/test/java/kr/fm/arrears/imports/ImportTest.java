package kr.fm.arrears.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CSV imports: all or nothing, every bad row named, Korean encodings, re-import harmless. */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportTest {

    private static final String HEADER = "lease_code,landlord_name,building_name,units,tenant_name,tenant_business_no,"
            + "tenant_phone,start_date,end_date,monthly_rent,management_fee,deposit,due_day\n";

    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    @Test
    @Order(1)
    void a_file_with_bad_rows_is_rejected_whole_and_every_bad_cell_is_named() {
        String csv = HEADER
                + "A-1,갑을산업,갑을공장,101,좋은회사,220-81-62517,010-1111-2222,2026-01-01,2027-12-31,1000000,100000,10000000,5\n"
                + "A-2,갑을산업,갑을공장,102,나쁜번호,123-45-67890,010-1111-2223,2026-01-01,2027-12-31,1000000,100000,10000000,5\n"
                + "A-3,갑을산업,갑을공장,103,없는날짜,124-81-00004,02-12,2026-02-30,2027-12-31,-5,100000,10000000,32\n";
        long auditBefore = count("audit_event");

        Api.Response r = api.postCsv("/api/imports/leases", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("title").asText()).isEqualTo("가져오기 거부");
        assertThat(errors(r)).containsExactlyInAnyOrder(
                "3 tenant_business_no", "4 tenant_phone", "4 start_date", "4 monthly_rent", "4 due_day");
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains("사업자등록번호");
        // the good first row was not applied either
        assertThat(count("lease")).isZero();
        assertThat(count("landlord")).isZero();
        assertThat(count("tenant")).isZero();
        assertThat(count("charge")).isZero();
        assertThat(count("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    @Order(2)
    void a_file_with_thousands_of_bad_rows_lists_the_first_thousand_errors_and_the_total() {
        StringBuilder csv = new StringBuilder("bank_reference,paid_on,amount,lease_code,payer_name\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append("R-").append(i).append(",2026-02-30,-1,NO-SUCH-LEASE,입금자\n"); // 3 bad cells a row
        }
        Api.Response r = api.postCsv("/api/imports/payments", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("errors")).hasSize(1_000);
        assertThat(r.body().get("totalErrors").asInt()).isGreaterThanOrEqualTo(3_000);
        assertThat(r.body().get("detail").asText()).startsWith("1,500개 행에 오류가 있어 아무것도 가져오지 않았습니다");
        assertThat(count("payment")).isZero();
    }

    @Test
    @Order(3)
    void a_unit_let_twice_over_overlapping_periods_in_one_file_is_refused() {
        String csv = HEADER
                + "B-1,갑을산업,갑을공장,201-1,첫회사,220-81-62517,,2026-01-01,2026-12-31,1000000,0,0,5\n"
                + "B-2,갑을산업,갑을공장,201-1,둘째회사,124-81-00004,,2026-06-01,2027-05-31,1000000,0,0,5\n";
        Api.Response r = api.postCsv("/api/imports/leases", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).containsExactly("3 units");
        assertThat(count("lease")).isZero();
    }

    @Test
    @Order(4)
    void a_header_without_required_columns_names_the_missing_ones() {
        Api.Response r = api.postCsv("/api/imports/payments", "bank_reference,amount\nX,1000\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).containsExactlyInAnyOrder("1 paid_on", "1 lease_code");
    }

    @Test
    @Order(5)
    void an_euc_kr_file_from_a_korean_spreadsheet_keeps_its_korean_text() {
        String csv = new String(Portfolios.exampleLeases(), StandardCharsets.UTF_8);
        Api.Response r = api.postCsv("/api/imports/leases", csv.getBytes(Charset.forName("x-windows-949")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("leasesCreated").asInt()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT name FROM tenant WHERE business_no = '1248100004'").query(String.class).single())
                .isEqualTo("(주)대성정밀");
        assertThat(jdbc.sql("SELECT phone FROM tenant WHERE business_no = '1248100004'").query(String.class).single())
                .isEqualTo("+821023456789");
        assertThat(jdbc.sql("""
                SELECT string_agg(u.unit_no, ',' ORDER BY u.unit_no) FROM lease l JOIN lease_unit lu ON lu.lease_id = l.id
                JOIN unit u ON u.id = lu.unit_id WHERE l.code = 'HW-302'""").query(String.class).single()).isEqualTo("301-2,302");
    }

    @Test
    @Order(6)
    void importing_the_same_leases_again_is_refused_by_lease_code_and_changes_nothing() {
        long leases = count("lease");
        Api.Response r = api.postCsv("/api/imports/leases", Portfolios.exampleLeases());
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).contains("2 lease_code", "3 lease_code", "4 lease_code", "5 lease_code");
        assertThat(count("lease")).isEqualTo(leases);
    }

    @Test
    @Order(7)
    void a_payments_file_with_a_bom_imports_and_importing_it_again_changes_nothing() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] file = concat(bom, Portfolios.examplePayments());

        Api.Response first = api.postCsv("/api/imports/payments", file);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("recorded").asInt()).isEqualTo(8);

        Api.Response again = api.postCsv("/api/imports/payments", file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("recorded").asInt()).isZero();
        assertThat(again.body().get("alreadyRecorded").asInt()).isEqualTo(8);
        assertThat(count("payment")).isEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PAYMENT_APPLIED'").query(Long.class).single())
                .isEqualTo(8);
    }

    @Test
    @Order(8)
    void a_known_bank_reference_with_another_amount_and_an_unknown_lease_are_both_listed() {
        String csv = "거래번호,거래일자,입금액,계약번호,입금자명\n"
                + "KB20260110-0001,2026-01-10,999,HW-101,대성정밀\n"
                + "NEW-1,2026-04-01,1000,NO-SUCH,누구\n"
                + "NEW-2,2026-04-01,1000,HW-101,대성정밀\n";
        Api.Response r = api.postCsv("/api/imports/payments", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).containsExactly("2 bank_reference", "3 lease_code");
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE bank_reference = 'NEW-2'").query(Long.class).single()).isZero();
    }

    @Test
    @Order(9)
    void a_file_that_is_neither_utf8_nor_euc_kr_is_rejected_with_a_clear_reason() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF, (byte) 0xFE, 0};
        Api.Response r = api.postCsv("/api/imports/payments", binary);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("detail").asText()).contains("UTF-8이나 EUC-KR/CP949 글자 파일이 아닙니다");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void an_absurd_rent_a_control_character_and_a_date_beyond_2100_are_refused_with_their_cells_and_nothing_is_stored() {
        String csv = HEADER
                + "B-1,갑을산업,갑을공장,101,좋은회사,220-81-62517,010-1111-2222,2026-01-01,2027-12-31,9223372036854775807,100000,10000000,5\n"
                + "B-2,갑을산업,갑을공장,102,제어\u0001문자,124-81-00004,010-1111-2223,2026-01-01,2101-01-01,1000000,100000,10000000,5\n";
        long auditBefore = count("audit_event");
        long leases = count("lease");
        long tenants = count("tenant");

        Api.Response r = api.postCsv("/api/imports/leases", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).containsExactlyInAnyOrder("2 monthly_rent", "3 tenant_name", "3 end_date");
        assertThat(count("lease")).isEqualTo(leases);
        assertThat(count("tenant")).isEqualTo(tenants);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
    }

    private static List<String> errors(Api.Response r) {
        List<String> list = new ArrayList<>();
        for (JsonNode e : r.body().get("errors")) {
            list.add(e.get("row").asInt() + " " + e.get("column").asText());
        }
        return list;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
