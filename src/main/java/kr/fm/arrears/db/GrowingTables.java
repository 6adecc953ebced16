package kr.fm.arrears.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tables a process fills quickly from what the planner last saw of them, often nothing: a first
 * escalation run opens thousands of cases into an empty arrears_case. A plan PostgreSQL caches on a
 * pooled connection (a prepared statement's generic plan, or the foreign-key check behind every
 * case_stage or notice_version row) was made for the empty table and scans the whole of it for each
 * row, so each page costs more than the last; autovacuum's analysis comes a minute later, after the
 * run. The owner counts the rows it adds and has the tables analysed from 1,000 rows on, again each
 * time they have grown fourfold: the statistics change, the cached plans are made again, with the
 * index. A daily run adds too few rows for this to matter, and then analyses seldom.
 */
public final class GrowingTables {

    static final long FIRST = 1_000;

    private final String tables;
    private long added;
    private long analysedAt;

    /** {@code tables}: the owner's tables, as ANALYZE lists them ("arrears_case, case_stage"). */
    public GrowingTables(String tables) {
        if (!tables.matches("[a-z_]+(, [a-z_]+)*")) {
            throw new IllegalArgumentException("not a list of table names: " + tables);
        }
        this.tables = tables;
    }

    /** {@code rows} more were written in the caller's transaction; analyses them when grown enough. */
    public void added(long rows, JdbcClient jdbc) {
        boolean analyse;
        synchronized (this) {
            added += rows;
            analyse = added >= Math.max(FIRST, analysedAt * 4);
            if (analyse) {
                analysedAt = added;
            }
        }
        if (analyse) {
            jdbc.sql("ANALYZE " + tables).update(); // in the transaction: it sees the rows it is adding
        }
    }
}
