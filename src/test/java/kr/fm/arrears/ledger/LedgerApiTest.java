package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JSON API: bad input is a problem naming each field and changes nothing; charges are never doubled. */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerApiTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    @Order(1)
    void a_tenant_with_a_bad_business_number_and_phone_is_refused_naming_both_fields() {
        Api.Response r = api.postJson("/api/tenants", Map.of("name", "(주)오류", "businessNo", "123-45-67890",
                "phone", "010-12-34"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("type").asText()).isEqualTo("urn:arrears:problem:invalid-input");
        assertThat(r.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("businessNo", "phone");
        assertThat(r.body().toString()).doesNotContain("Exception").doesNotContain("at kr.fm");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void a_lease_starting_on_a_day_that_does_not_exist_is_refused_naming_the_field() {
        Map<String, Object> lease = lease("X-1", 1L, 1L);
        lease.put("startDate", "2026-02-30");
        Api.Response r = api.postJson("/api/leases", lease);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("startDate");
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains("실제 있는 날짜");
    }

    @Test
    @Order(3)
    void a_lease_created_through_the_api_gets_its_charges_and_generation_never_doubles_them() {
        clock.set(java.time.LocalDate.of(2026, 4, 15));
        long landlord = api.postJson("/api/landlords", Map.of("name", "한빛산업", "businessNo", "220-81-62517"))
                .body().get("id").asLong();
        long building = api.postJson("/api/buildings", Map.of("landlordId", landlord, "name", "한빛공장", "units", List.of("101")))
                .body().get("id").asLong();
        Api.Response tenant = api.postJson("/api/tenants", Map.of("name", "(주)새봄", "businessNo", "124-81-00004",
                "phone", "010 9876 5432"));
        assertThat(tenant.status()).isEqualTo(201);
        assertThat(tenant.body().get("phone").asText()).isEqualTo("+821098765432");

        Api.Response created = api.postJson("/api/leases", lease("HB-101", tenant.body().get("id").asLong(), building));
        assertThat(created.status()).isEqualTo(201);
        long leaseId = created.body().get("leaseId").asLong();
        // due day 31 from January: 31 Jan, 28 Feb, 31 Mar, 30 Apr and next month's 31 May; rent and fee each
        assertThat(api.get("/api/leases/" + leaseId + "/charges").body()).extracting(c -> c.get("dueDate").asText())
                .containsExactly("2026-01-31", "2026-01-31", "2026-02-28", "2026-02-28", "2026-03-31", "2026-03-31",
                        "2026-04-30", "2026-04-30", "2026-05-31", "2026-05-31");
        assertThat(api.get("/api/leases/" + leaseId + "/charges").body().get(0).get("total").asLong()).isEqualTo(1_100_000);

        Api.Response june = api.postJson("/api/charges/generate?month=2026-06", Map.of());
        assertThat(june.body().get("created").asInt()).isEqualTo(2);
        Api.Response juneAgain = api.postJson("/api/charges/generate?month=2026-06", Map.of());
        assertThat(juneAgain.body().get("created").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM charge WHERE lease_id = ?").param(leaseId).query(Long.class).single())
                .isEqualTo(12);
    }

    @Test
    @Order(4)
    void the_same_payment_posted_twice_is_recorded_once_and_a_clash_is_a_conflict() {
        long leaseId = jdbc.sql("SELECT id FROM lease WHERE code = 'HB-101'").query(Long.class).single();
        Map<String, Object> payment = Map.of("bankReference", "NH-1", "paidOn", "2026-02-02", "amount", 1_100_000);
        assertThat(api.postJson("/api/leases/" + leaseId + "/payments", payment).status()).isEqualTo(201);
        assertThat(api.postJson("/api/leases/" + leaseId + "/payments", payment).status()).isEqualTo(200);
        Api.Response clash = api.postJson("/api/leases/" + leaseId + "/payments",
                Map.of("bankReference", "NH-1", "paidOn", "2026-02-02", "amount", 5));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void an_overlapping_lease_of_the_same_unit_is_refused() {
        long tenant = jdbc.sql("SELECT id FROM tenant").query(Long.class).single();
        long building = jdbc.sql("SELECT id FROM building").query(Long.class).single();
        Api.Response r = api.postJson("/api/leases", lease("HB-102", tenant, building));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("units");
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains("HB-101");
    }

    private static Map<String, Object> lease(String code, long tenantId, long buildingId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("tenantId", tenantId);
        m.put("buildingId", buildingId);
        m.put("units", List.of("101"));
        m.put("startDate", "2026-01-01");
        m.put("endDate", "2027-12-31");
        m.put("monthlyRent", 1_000_000);
        m.put("managementFee", 100_000);
        m.put("deposit", 10_000_000);
        m.put("dueDay", 31);
        return m;
    }
}
