package kr.fm.arrears.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.fm.arrears.ArrearsApplication;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log is append-only and its hash chain exposes the first tampered event. */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainTest {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @BeforeAll
    void someHistory() {
        api.postCsv("/api/imports/leases", Portfolios.exampleLeases());
        api.postCsv("/api/imports/payments", Portfolios.examplePayments());
    }

    @Test
    void imports_charges_and_payments_leave_events_and_the_chain_verifies() {
        assertThat(jdbc.sql("SELECT DISTINCT action FROM audit_event").query(String.class).list())
                .contains("LEASE_CREATED", "CHARGE_CREATED", "PAYMENT_APPLIED", "IMPORT_COMPLETED", "TENANT_CREATED");
        Api.Response r = api.get("/api/audit/verify");
        assertThat(r.body().get("intact").asBoolean()).isTrue();
        assertThat(r.body().get("eventsChecked").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single());
    }

    @Test
    void the_database_refuses_to_update_or_delete_an_event() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone' WHERE id = 1").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = 1").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void an_event_altered_behind_the_triggers_back_is_reported_as_the_first_broken_link() {
        long victim = jdbc.sql("SELECT id FROM audit_event WHERE action = 'PAYMENT_APPLIED' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        // what someone with superuser rights could do: switch the guard off and edit an amount
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete").update();
            jdbc.sql("UPDATE audit_event SET details = replace(details, '3630000', '36300') WHERE id = ?").param(victim).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete").update();
        });

        Api.Response r = api.get("/api/audit/verify");
        assertThat(r.body().get("intact").asBoolean()).isFalse();
        assertThat(r.body().get("firstBrokenId").asLong()).isEqualTo(victim);
        assertThat(r.body().get("problem").asText()).contains("altered");
    }
}
