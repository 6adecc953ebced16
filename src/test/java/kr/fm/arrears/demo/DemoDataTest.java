package kr.fm.arrears.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a newcomer finds after `./mvnw spring-boot:run -Dspring-boot.run.profiles=demo` (here on
 * the test clock's 15 April 2026): tenants in every stage of the ladder, one paused, one paid after
 * its reminder, and a notice waiting that {@code manager} may approve.
 */
@ServiceTest
@ActiveProfiles({"demo", "test"}) // test last: its admin password and switched-off scheduler win
class DemoDataTest {

    @Autowired Api api;

    @Test
    void the_demo_has_a_case_in_every_stage_and_a_notice_the_manager_may_approve() {
        // the demo's accounts are opened as an ADMIN opens them: the printed password is temporary
        assertThat(api.as("manager", "manager-demo").get("/api/cases").status()).isEqualTo(403);
        Api manager = firstSignIn("manager", "manager-demo");
        List<String> open = new ArrayList<>();
        for (JsonNode c : manager.get("/api/cases?open=true").body()) {
            open.add(c.get("leaseCode").asText() + " " + c.get("stage").asText() + (c.get("paused").asBoolean() ? " paused" : ""));
        }
        assertThat(open).contains("HN-201 REMINDER_1", "HN-203 REMINDER_2", "HN-204 FINAL_REMINDER", "HN-205 DEMAND_NOTICE",
                "HN-206 TERMINATION_NOTICE", "HN-208 REMINDER_2 paused");
        // paid in advance: not in arrears; paid today after its reminder: resolved
        assertThat(open).noneMatch(c -> c.startsWith("HN-207") || c.startsWith("HN-210") || c.startsWith("HN-209"));
        assertThat(manager.get("/api/cases?open=false").body()).anyMatch(c -> c.get("leaseCode").asText().equals("HN-209"));

        JsonNode pending = manager.get("/api/notices?status=PENDING_APPROVAL").body();
        assertThat(pending).hasSize(1);
        long notice = pending.get(0).get("id").asLong();
        assertThat(manager.send(HttpMethod.POST, "/api/notices/" + notice + "/approve", java.util.Map.of(), null).body()
                .get("status").asText()).isEqualTo("APPROVED");

        // the landlord account sees only 한울산업개발's leases
        assertThat(firstSignIn("landlord", "landlord-demo").get("/api/leases").body())
                .allMatch(l -> l.get("landlordName").asText().equals("한울산업개발")).hasSizeGreaterThan(10);
    }

    /** Changes the temporary password as a person does at the first sign-in; the API then answers. */
    private Api firstSignIn(String user, String temporary) {
        assertThat(api.as(user, temporary).postJson("/api/me/password",
                java.util.Map.of("currentPassword", temporary, "newPassword", user + "-own-password")).status()).isEqualTo(204);
        return api.as(user, user + "-own-password");
    }
}
