package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Examples;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The example portfolio escalated on a date, with the people of the pages: two MANAGERs (one sends
 * a notice for approval, the other approves it) and the two landlords of the examples.
 */
final class PortalFixtures {

    static final String PASSWORD = "page-test-password";
    /** approves in the browser */
    static final String MANAGER = "kim";
    /** drafted and sent the notice for approval, so may not approve it (four eyes) */
    static final String SUBMITTER = "lee";
    /** 한울산업개발: HW-101, HW-301, HW-302 */
    static final String HANUL = "hanul";
    /** 서동산업(주): SD-B12 */
    static final String SEODONG = "seodong";

    private PortalFixtures() {}

    static Map<String, Long> portfolio(Api api, Users users, JdbcClient jdbc, LocalDate runDate) {
        Map<String, Long> leases = Examples.importAll(api);
        users.create(MANAGER, PASSWORD, Role.MANAGER, null, "김관리", Actor.SYSTEM);
        users.create(SUBMITTER, PASSWORD, Role.MANAGER, null, "이담당", Actor.SYSTEM);
        users.create(HANUL, PASSWORD, Role.LANDLORD, landlord(jdbc, "한울산업개발"), "한울산업개발", Actor.SYSTEM);
        users.create(SEODONG, PASSWORD, Role.LANDLORD, landlord(jdbc, "서동산업(주)"), "서동산업", Actor.SYSTEM);
        assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", runDate.toString(), "dryRun", false)).status())
                .isEqualTo(201);
        return leases;
    }

    /** The notice drafted for the lease, sent for approval by {@link #SUBMITTER}. */
    static long submitted(Api api, long leaseId) {
        long id = notice(api, leaseId).get("id").asLong();
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + id + "/submit", Api.signedInAs(SUBMITTER, PASSWORD), null)
                .status()).isEqualTo(200);
        return id;
    }

    static JsonNode notice(Api api, long leaseId) {
        JsonNode list = api.get("/api/notices?leaseId=" + leaseId).body();
        assertThat(list).as("notices of lease " + leaseId).hasSize(1);
        return list.get(0);
    }

    static long openCase(JdbcClient jdbc, long leaseId) {
        return jdbc.sql("SELECT id FROM arrears_case WHERE lease_id = ? AND closed_on IS NULL").param(leaseId)
                .query(Long.class).single();
    }

    private static long landlord(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT id FROM landlord WHERE name = ?").param(name).query(Long.class).single();
    }
}
