package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.messaging.Dispatcher;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A plan that breaks a rule is refused whole, naming the instalment, and changes nothing. */
@ServiceTest
class PaymentPlanValidationTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;
    @Autowired JdbcClient jdbc;
    @Autowired Dispatcher dispatcher;

    @Test
    void a_plan_that_does_not_add_up_is_a_422_naming_the_instalment_and_changes_nothing() {
        PlanSupport days = new PlanSupport(api, clock, jdbc, dispatcher);
        // the grace days are a setting of the ladder: 3 unless set, 0 to 30
        JsonNode ladder = api.get("/api/escalation/policy").body();
        assertThat(ladder.get("planGraceDays").asInt()).isEqualTo(3);
        Api.Response tooLong = api.putJson("/api/escalation/policy", Map.of("rules", ladder.get("rules"), "planGraceDays", 31));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().get("errors").get(0).get("field").asText()).isEqualTo("planGraceDays");
        clock.set(LocalDate.of(2026, 3, 1));
        long lease = portfolios.given().lease(Portfolios.lease("PLAN-422").unit("101")).make().leaseId("PLAN-422");
        days.morning(LocalDate.of(2026, 3, 11)); // 1,210,000 overdue since 10 March
        long caseId = days.caseOf(lease);

        // 400,000 + 400,000 + 400,000 = 1,200,000: 10,000 short of 1,210,000, named on the last instalment
        Api.Response shortBy = api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", List.of(
                Map.of("dueDate", "2026-03-20", "amount", 400_000),
                Map.of("dueDate", "2026-03-27", "amount", 400_000),
                Map.of("dueDate", "2026-04-03", "amount", 400_000))));
        assertThat(shortBy.status()).isEqualTo(422);
        assertThat(shortBy.body().get("type").asText()).isEqualTo("urn:arrears:problem:invalid-input");
        JsonNode error = shortBy.body().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("instalments[2].amount");
        assertThat(error.get("message").asText()).contains("1,200,000원", "1,210,000원", "10,000원 모자랍니다");

        // 700,000 + 600,000 = 1,300,000 goes over at the second instalment (by 90,000)
        Api.Response over = api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", List.of(
                Map.of("dueDate", "2026-03-20", "amount", 700_000),
                Map.of("dueDate", "2026-03-27", "amount", 600_000))));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body().get("errors").get(0).get("field").asText()).isEqualTo("instalments[1].amount");
        assertThat(over.body().get("errors").get(0).get("message").asText()).contains("90,000원 넘습니다");

        // dates out of order and a first one before today (11 March) are named too
        Api.Response dates = api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", List.of(
                Map.of("dueDate", "2026-03-10", "amount", 610_000),
                Map.of("dueDate", "2026-03-27", "amount", 300_000),
                Map.of("dueDate", "2026-03-27", "amount", 300_000))));
        assertThat(dates.status()).isEqualTo(422);
        assertThat(dates.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("instalments[0].dueDate", "instalments[2].dueDate");

        // more than 24 instalments
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(Map.of("dueDate", LocalDate.of(2026, 4, 1).plusMonths(i).toString(), "amount", 1));
        }
        assertThat(api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", many)).body().get("errors").get(0)
                .get("field").asText()).isEqualTo("instalments");

        assertThat(jdbc.sql("SELECT count(*) FROM payment_plan").query(Long.class).single()).isZero();
        assertThat(days.audited("PLAN_AGREED", caseId)).isZero();

        // with the late interest to today: 1,210,000 + the interest the arrears API states for 11 March
        long interest = api.get("/api/arrears/leases/" + lease + "?asOf=2026-03-11").body().get("arrears").get("lateInterest")
                .asLong();
        Api.Response withInterest = api.postJson("/api/cases/" + caseId + "/plan", Map.of("withInterest", true,
                "instalments", List.of(Map.of("dueDate", "2026-03-20", "amount", 610_000),
                        Map.of("dueDate", "2026-04-03", "amount", 600_000 + interest))));
        assertThat(withInterest.status()).as("%s", withInterest.body()).isEqualTo(201);
        assertThat(withInterest.body().get("total").asLong()).isEqualTo(1_210_000 + interest);
        assertThat(api.get("/api/cases/" + caseId).body().get("planned").asBoolean()).isTrue();
        // one active plan per case
        assertThat(api.postJson("/api/cases/" + caseId + "/plan", Map.of("instalments", List.of(
                Map.of("dueDate", "2026-03-20", "amount", 1_210_000)))).status()).isEqualTo(409);
    }
}
