package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC "Bounds": whole won from 0 to 1,000억 given as JSON numbers (never rounded, never read from a
 * string), text without control characters, dates from 2000 to 2100. Each refusal is a 422 problem
 * naming the field; nothing is stored and the audit chain stays whole.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundsTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired AuditVerifier auditVerifier;
    @Autowired Portfolios portfolios;

    private long lease;

    @BeforeAll
    void leases() {
        lease = portfolios.given().examples().make().leaseId("HW-101");
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"1.5", "1e3", "1000.0", "\"1000\"", "100000000001", "-5", "9223372036854775808"})
    void a_payment_amount_that_is_not_a_whole_number_of_won_in_bounds_is_refused_naming_the_field(String amount) {
        long payments = count("payment");
        long audit = count("audit_event");

        Api.Response r = api.postJson("/api/leases/" + lease + "/payments",
                "{\"bankReference\":\"BND-1\",\"paidOn\":\"2026-04-01\",\"amount\":" + amount + "}");

        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(count("payment")).isEqualTo(payments);
        assertThat(count("audit_event")).isEqualTo(audit);
    }

    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"제어\\u0001문자", "종\\u0007소리", "삭제\\u007f"}) // NUL: a 400, StrictJsonTest
    void a_text_field_with_a_control_character_is_refused_naming_the_field(String name) {
        long tenants = count("tenant");

        Api.Response r = api.postJson("/api/tenants", "{\"name\":\"" + name + "\",\"businessNo\":\"220-81-62517\"}");

        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(count("tenant")).isEqualTo(tenants);
    }

    @Test
    void tabs_and_line_breaks_are_text_and_a_browser_line_break_is_read_as_one() {
        Api.Response r = api.postJson("/api/tenants", Map.of("name", "줄바꿈\t상사", "businessNo", "220-81-62517",
                "address", "경기도 화성시\r\n101호"));

        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().get("address").asText()).isEqualTo("경기도 화성시\n101호");
    }

    @ParameterizedTest(name = "paidOn {0}")
    @ValueSource(strings = {"1999-12-31", "2101-01-01", "0026-04-01"})
    void a_date_outside_2000_to_2100_is_refused_naming_the_field(String date) {
        long payments = count("payment");

        Api.Response r = api.postJson("/api/leases/" + lease + "/payments",
                Map.of("bankReference", "BND-2", "paidOn", date, "amount", 1000));

        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("paidOn");
        assertThat(count("payment")).isEqualTo(payments);
        assertThat(api.get("/api/arrears?asOf=" + date).status()).isEqualTo(422);
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
