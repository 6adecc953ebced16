package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A landlord's arrears list ({@code GET /api/arrears?landlordId=}) is answered from arrears remembered per
 * date, and says at once what the ledger says: the same leases and sums as the list of every lease
 * (computed afresh), a payment booked through the service, a corrected deposit, and a payment written
 * around it (another instance's), show in the next answer. The README's example leases, on 31 March 2026.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RememberedArrearsTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;

    final Map<String, Long> leaseIds = new HashMap<>();
    long landlord;

    @BeforeAll
    void importExamples() {
        leaseIds.putAll(portfolios.given().examples().make().leaseIds());
        landlord = jdbc.sql("SELECT b.landlord_id FROM lease l JOIN building b ON b.id = l.building_id WHERE l.id = ?")
                .param(leaseIds.get("HW-101")).query(Long.class).single();
    }

    @Test
    void the_landlords_list_follows_every_change_of_the_ledger() {
        String list = "/api/arrears?landlordId=" + landlord + "&asOf=2026-03-31";
        JsonNode first = api.get(list).body();
        // 2,630,000 + 3,630,000 + 4,840,000, as the list of every lease (computed afresh, not remembered) says
        assertThat(codes(first)).containsExactly("HW-101", "HW-301", "HW-302");
        assertThat(first.get("overdueBalance").asLong()).isEqualTo(11_100_000);
        assertThat(api.get("/api/arrears?asOf=2026-03-31").body().get("overdueBalance").asLong()).isEqualTo(11_100_000);
        // asked again: the same answer, every charge line with it
        JsonNode again = api.get(list).body();
        assertThat(again).isEqualTo(first);
        assertThat(again.get("items").get(0).get("arrears").get("charges")).isNotEmpty();
        // another date is its own answer, the one the list of every lease gives for the landlord's leases
        JsonNode february = api.get("/api/arrears?landlordId=" + landlord + "&asOf=2026-02-28").body();
        JsonNode everyLease = api.get("/api/arrears?asOf=2026-02-28").body();
        assertThat(codes(february)).isNotEqualTo(codes(first)).containsExactlyElementsOf(
                StreamSupport.stream(everyLease.get("items").spliterator(), false)
                        .filter(i -> i.get("lease").get("landlordId").asLong() == landlord)
                        .map(i -> i.get("lease").get("code").asText()).toList());

        // HW-101 pays its 2,630,000 through the service: gone from the next answer
        assertThat(api.postJson("/api/leases/" + leaseIds.get("HW-101") + "/payments",
                "{\"bankReference\":\"REM-1\",\"paidOn\":\"2026-03-25\",\"amount\":2630000}").status()).isEqualTo(201);
        JsonNode paid = api.get(list).body();
        assertThat(codes(paid)).containsExactly("HW-301", "HW-302");
        assertThat(paid.get("overdueBalance").asLong()).isEqualTo(3_630_000 + 4_840_000);

        // HW-302's deposit corrected: the lease as the list names it changes though its arrears do not
        assertThat(paid.get("items").get(1).get("deposit").get("deposit").asLong()).isNotEqualTo(2_000_000);
        assertThat(api.send(org.springframework.http.HttpMethod.PATCH, "/api/leases/" + leaseIds.get("HW-302") + "/deposit", Map.of(),
                Map.of("deposit", 2_000_000, "reason", "보증금 일부 반환 (2026-03-20)")).status()).isEqualTo(200);
        JsonNode corrected = api.get(list).body();
        assertThat(corrected.get("items").get(1).get("deposit").get("deposit").asLong()).isEqualTo(2_000_000);
        assertThat(corrected.get("items").get(1).get("deposit").get("flagged").asBoolean()).as("4,840,000 owed of 2,000,000").isTrue();

        // HW-301's 3,630,000 written around the service (no event reaches this instance): gone too
        jdbc.sql("INSERT INTO payment (lease_id, bank_reference, paid_on, amount) VALUES (?, 'AROUND-REM', '2026-03-30', 3630000)")
                .param(leaseIds.get("HW-301")).update();
        JsonNode around = api.get(list).body();
        assertThat(codes(around)).containsExactly("HW-302");
        assertThat(around.get("overdueBalance").asLong()).isEqualTo(4_840_000);
        assertThat(api.get("/api/arrears?asOf=2026-03-31").body().get("overdueBalance").asLong()).isEqualTo(4_840_000);
    }

    private static List<String> codes(JsonNode report) {
        return StreamSupport.stream(report.get("items").spliterator(), false).map(i -> i.get("lease").get("code").asText()).toList();
    }
}
