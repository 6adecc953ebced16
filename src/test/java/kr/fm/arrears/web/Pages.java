package kr.fm.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.TwoLandlords;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the page tests add to {@link TwoLandlords}: a notice waiting for approval, cases by lease code. */
final class Pages {

    private Pages() {}

    /** The lease's termination notice, consented by landlord A and sent for approval by the MANAGER. */
    static long pendingTermination(Api api, JdbcClient jdbc, String leaseCode) {
        long notice = jdbc.sql("""
                SELECT n.id FROM notice n JOIN lease l ON l.id = n.lease_id WHERE l.code = ? AND n.kind = 'TERMINATION'""")
                .param(leaseCode).query(Long.class).single();
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + notice + "/consent",
                Api.signedInAs(TwoLandlords.OWNER_A, TwoLandlords.PASSWORD), null).status()).isEqualTo(200);
        assertThat(api.send(HttpMethod.POST, "/api/notices/" + notice + "/submit", TwoLandlords.AS_MANAGER_2, null).status())
                .isEqualTo(200);
        return notice;
    }

    static long openCase(JdbcClient jdbc, String leaseCode) {
        return jdbc.sql("""
                SELECT c.id FROM arrears_case c JOIN lease l ON l.id = c.lease_id WHERE l.code = ? AND c.closed_on IS NULL""")
                .param(leaseCode).query(Long.class).single();
    }

    static long leaseId(JdbcClient jdbc, String leaseCode) {
        return jdbc.sql("SELECT id FROM lease WHERE code = ?").param(leaseCode).query(Long.class).single();
    }
}
