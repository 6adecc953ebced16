package kr.fm.arrears.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database has committed, as a token: PostgreSQL's current snapshot, the transactions
 * completed and those still running. Two equal tokens see the same committed rows, whoever wrote
 * them: this instance, another one, a person at psql, an update in place as much as a new row. So an
 * answer computed after reading a token is still the answer while the token reads the same.
 *
 * <p>Every write transaction that ends in the server moves it, in any database of the server (their
 * transaction ids are shared), the scheduler's check-in of a clustered instance among them. What is
 * remembered by it lasts as long as nothing is written: seconds on a busy day, minutes on a quiet one.
 * One short query, no table read.
 */
@Component
public class CommittedState {

    private final JdbcClient jdbc;

    CommittedState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Read before computing from the database: what was computed stays true while this reads the same. */
    public String token() {
        return jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
    }
}
