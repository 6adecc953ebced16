package kr.fm.arrears.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README walk-through: import the example leases and payments, then ask who owes what on
 * 2026-03-31. Every figure is worked out by hand in the comments.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArrearsApiTest {

    @Autowired Api api;
    @Autowired Portfolios portfolios;

    final Map<String, Long> leaseIds = new HashMap<>();

    @BeforeAll
    void importExamples() {
        leaseIds.putAll(portfolios.given().examples().make().leaseIds());
    }

    @Test
    void the_arrears_report_lists_the_three_leases_that_owe_money_with_totals() {
        Api.Response r = api.get("/api/arrears?asOf=2026-03-31");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("items")).extracting(i -> i.get("lease").get("code").asText())
                .containsExactly("HW-101", "HW-301", "HW-302");
        // 2,630,000 + 3,630,000 + 4,840,000
        assertThat(r.body().get("overdueBalance").asLong()).isEqualTo(11_100_000);
        // 9,407 + 23,866 + 35,800
        assertThat(r.body().get("lateInterest").asLong()).isEqualTo(69_073);
    }

    @Test
    void a_partial_payment_two_days_late_lowers_the_balance_and_counts_its_own_interest() {
        JsonNode a = arrears("HW-101");
        // March: rent 3,300,000 got 1,000,000 on 12 March; fee 330,000 unpaid
        assertThat(a.get("overdueBalance").asLong()).isEqualTo(2_630_000);
        assertThat(a.get("daysOverdue").asLong()).isEqualTo(21);
        // rent (1,000,000 × 2 + 2,300,000 × 21) × 6% / 365 = 8,268.49; fee 330,000 × 21 × 6% / 365 = 1,139.18
        assertThat(a.get("lateInterest").asLong()).isEqualTo(8_268 + 1_139);
        assertThat(a.get("arrearsMonths").decimalValue()).isEqualByComparingTo("0.69");
        assertThat(a.get("terminationThresholdReached").asBoolean()).isFalse();

        // the deposit of 30,000,000 less 2,630,000 + 9,407 = 27,360,593 left: 7.53 months of 3,630,000 (rent and fee, VAT in)
        JsonNode deposit = api.get("/api/arrears/leases/" + leaseIds.get("HW-101") + "?asOf=2026-03-31").body().get("deposit");
        assertThat(deposit.get("deposit").asLong()).isEqualTo(30_000_000);
        assertThat(deposit.get("owed").asLong()).isEqualTo(2_639_407);
        assertThat(deposit.get("remaining").asLong()).isEqualTo(27_360_593);
        assertThat(deposit.get("monthlyCharge").asLong()).isEqualTo(3_630_000);
        assertThat(deposit.get("monthsCovered").decimalValue()).isEqualByComparingTo("7.53");
        assertThat(deposit.get("flagged").asBoolean()).isFalse();
    }

    @Test
    void two_months_rent_unpaid_reaches_the_civil_code_threshold_at_the_contractual_rate() {
        JsonNode a = arrears("HW-301");
        assertThat(a.get("overdueBalance").asLong()).isEqualTo(3_630_000);
        assertThat(a.get("oldestUnpaidDue").asText()).isEqualTo("2026-02-25");
        assertThat(a.get("daysOverdue").asLong()).isEqualTo(34);
        // 12 %: 1,650,000 × 34 → 18,443; 165,000 × 34 → 1,844; 1,650,000 × 6 → 3,254; 165,000 × 6 → 325
        assertThat(a.get("charges")).extracting(c -> c.get("lateInterest").asLong()).containsExactly(18_443L, 1_844L, 3_254L, 325L);
        assertThat(a.get("terminationThresholdMonths").asInt()).isEqualTo(2);
        assertThat(a.get("terminationThresholdReached").asBoolean()).isTrue();
    }

    @Test
    void the_commercial_lease_act_needs_three_months_and_due_day_31_falls_on_28_february() {
        JsonNode a = arrears("HW-302");
        assertThat(a.get("charges")).extracting(c -> c.get("dueDate").asText())
                .containsExactly("2026-01-31", "2026-01-31", "2026-02-28", "2026-02-28");
        assertThat(a.get("overdueRent").asLong()).isEqualTo(4_400_000);
        assertThat(a.get("arrearsMonths").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(a.get("terminationThresholdMonths").asInt()).isEqualTo(3);
        assertThat(a.get("terminationThresholdReached").asBoolean()).isFalse();
        assertThat(a.get("lateInterest").asLong()).isEqualTo(21_336 + 2_133 + 11_210 + 1_121);
    }

    @Test
    void a_lease_paid_up_late_owes_nothing_but_the_interest_for_the_late_days() {
        JsonNode a = arrears("SD-B12");
        assertThat(a.get("overdueBalance").asLong()).isZero();
        // paid 5 March for 1 March: 4 days; 880,000 × 4 × 6% / 365 = 578.6; 88,000 × 4 × 6% / 365 = 57.9
        assertThat(a.get("lateInterest").asLong()).isEqualTo(578 + 57);
    }

    @Test
    void the_report_filters_by_landlord_and_building() {
        long seodong = api.get("/api/landlords").body().findParents("name").stream()
                .filter(l -> l.get("name").asText().startsWith("서동")).findFirst().orElseThrow().get("id").asLong();
        assertThat(api.get("/api/arrears?asOf=2026-03-31&landlordId=" + seodong).body().get("items")).isEmpty();
        long building = api.get("/api/leases/" + leaseIds.get("HW-101")).body().get("buildingId").asLong();
        assertThat(api.get("/api/arrears?asOf=2026-03-31&buildingId=" + building).body().get("leases").asInt()).isEqualTo(3);
    }

    @Test
    void a_date_that_does_not_exist_is_named_in_the_problem() {
        Api.Response r = api.get("/api/arrears?asOf=2026-02-30");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void an_unknown_lease_is_a_404_problem() {
        Api.Response r = api.get("/api/arrears/leases/999999?asOf=2026-03-31");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("title").asText()).isEqualTo("찾을 수 없습니다");
    }

    private JsonNode arrears(String code) {
        Api.Response r = api.get("/api/arrears/leases/" + leaseIds.get(code) + "?asOf=2026-03-31");
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("arrears");
    }
}
