package kr.fm.arrears.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The example portfolio of two landlords, escalated on 11 March, 15 April and 1 May 2026, with a
 * signed-in user for each landlord and one approved demand notice each:
 * A = 한울산업개발 (building 한울 제1공장, leases HW-101, HW-301, HW-302: reminders in March, a demand
 * for HW-101 approved as 2026-000001, other notices left as drafts);
 * B = 서동산업(주) (서동 지식산업센터, SD-B12: a final reminder in April, its demand approved as 2026-000002).
 */
public record TwoLandlords(long landlordA, long buildingA, long landlordB, long buildingB, long leaseB, long tenantB,
        long caseB, long messageB, long noticeA, long noticeB) {

    public static final String PASSWORD = "two-landlords-password";
    public static final String OWNER_A = "hanul-owner";
    public static final String OWNER_B = "seodong-owner";
    public static final String MANAGER = "kim";
    public static final Map<String, String> AS_MANAGER = Api.signedInAs(MANAGER, PASSWORD);
    /** The second pair of eyes: a notice one MANAGER submits, another approves. */
    public static final String MANAGER_2 = "yoon";
    public static final Map<String, String> AS_MANAGER_2 = Api.signedInAs(MANAGER_2, PASSWORD);

    /** Builds the two landlords in the test's own schema; a bean of every {@link ServiceTest} (lazy: the port is known late). */
    @org.springframework.context.annotation.Lazy
    public record Maker(Api api, TestClock clock, Users users, TransactionTemplate tx, JdbcClient jdbc) {
        public TwoLandlords build() {
            return TwoLandlords.build(api, clock, users, tx, jdbc);
        }
    }

    private static TwoLandlords build(Api api, TestClock clock, Users users, TransactionTemplate tx, JdbcClient jdbc) {
        Map<String, Long> leases = Examples.importAll(api);
        long landlordA = id(jdbc, "SELECT id FROM landlord WHERE name = '한울산업개발'");
        long landlordB = id(jdbc, "SELECT id FROM landlord WHERE name = '서동산업(주)'");
        tx.executeWithoutResult(s -> {
            users.create(MANAGER, PASSWORD, Role.MANAGER, null, "김관리", "test");
            users.create(MANAGER_2, PASSWORD, Role.MANAGER, null, "윤담당", "test");
            users.create(OWNER_A, PASSWORD, Role.LANDLORD, landlordA, "한울산업개발", "test");
            users.create(OWNER_B, PASSWORD, Role.LANDLORD, landlordB, "서동산업", "test");
        });
        for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 3, 11), LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 1)}) {
            clock.set(day);
            assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", day.toString(), "dryRun", false)).status())
                    .isEqualTo(201);
        }
        long noticeA = approve(api, jdbc, leases.get("HW-101"));
        long noticeB = approve(api, jdbc, leases.get("SD-B12"));
        long leaseB = leases.get("SD-B12");
        return new TwoLandlords(landlordA, id(jdbc, "SELECT id FROM building WHERE landlord_id = " + landlordA), landlordB,
                id(jdbc, "SELECT id FROM building WHERE landlord_id = " + landlordB), leaseB,
                id(jdbc, "SELECT tenant_id FROM lease WHERE id = " + leaseB),
                id(jdbc, "SELECT id FROM arrears_case WHERE lease_id = " + leaseB),
                id(jdbc, "SELECT min(id) FROM message WHERE lease_id = " + leaseB), noticeA, noticeB);
    }

    public Api ownerA(Api api) {
        return api.as(OWNER_A, PASSWORD);
    }

    public Api ownerB(Api api) {
        return api.as(OWNER_B, PASSWORD);
    }

    /** The lease's demand notice, submitted by one MANAGER and approved by the other. */
    private static long approve(Api api, JdbcClient jdbc, long leaseId) {
        long notice = id(jdbc, "SELECT id FROM notice WHERE kind = 'DEMAND' AND lease_id = " + leaseId);
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + notice + "/submit", AS_MANAGER_2, null).status()).isEqualTo(200);
        JsonNode approved = api.send(HttpMethod.POST, "/api/notices/" + notice + "/approve", AS_MANAGER, null).body();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        return notice;
    }

    private static long id(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
