package kr.fm.arrears.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import kr.fm.arrears.ArrearsApplication;
import kr.fm.arrears.escalation.EscalationRuns;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One escalation run over 100,000 leases, timed. Not a test (the name keeps Surefire away); run it
 * with the command in docs/performance.md. Works in its own schema {@code arrears_bench}, dropped
 * and rebuilt each time, in the database ARREARS_DB_URL names (default: postgres on localhost:5432).
 *
 * <p>Data, set-based: 100,000 leases at 1,210,000 a month (rent 1,100,000 and fee 110,000, VAT
 * included) due on the 10th, charges January–April 2026. 90% prepaid January–March on 5 January
 * (so on 7 April they get the friendly reminder for the 10th); 8% paid January–February only (March
 * 28 days overdue: a case opens at FINAL_REMINDER); 2% never paid (87 days and three months' rent:
 * TERMINATION_NOTICE).
 */
public final class EscalationBenchmark {

    static final String SCHEMA = "arrears_bench";

    public static void main(String[] args) throws Exception {
        int leases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String url = System.getenv().getOrDefault("ARREARS_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        // system properties: they outrank application.yml's ${ARREARS_DB_URL:}
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.hikari.schema", SCHEMA);
        System.setProperty("spring.flyway.schemas", SCHEMA);
        System.setProperty("spring.flyway.default-schema", SCHEMA);
        System.setProperty("arrears.scheduling.enabled", "false"); // Quartz threads would keep the JVM alive
        System.setProperty("logging.level.root", "WARN");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ArrearsApplication.class)
                .web(WebApplicationType.NONE).run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            generate(jdbc, leases);
            System.out.printf(Locale.ROOT, "generated %,d leases in %.1f s%n", leases, seconds(System.nanoTime() - t0));

            EscalationRuns runs = app.getBean(EscalationRuns.class);
            LocalDate date = LocalDate.of(2026, 4, 7);
            report("first run (writes)", runs, date, leases);
            report("same date again (writes nothing)", runs, date, leases);
        }
        System.exit(0);
    }

    private static void report(String label, EscalationRuns runs, LocalDate date, int leases) {
        long t = System.nanoTime();
        EscalationRuns.RunView run = runs.start(date, false, "bench");
        double s = seconds(System.nanoTime() - t);
        System.out.printf(Locale.ROOT, "%s: %s in %.1f s = %,.0f leases/s; opened=%d advanced=%d skipped=%d upcoming=%d unchanged=%d%n",
                label, run.status(), s, leases / s, run.opened(), run.advanced(), run.skipped(), run.upcoming(), run.unchanged());
    }

    private static void generate(JdbcClient jdbc, int leases) {
        jdbc.sql("INSERT INTO landlord (name, business_no) VALUES ('벤치산업', '2208162517')").update();
        jdbc.sql("INSERT INTO building (landlord_id, name) SELECT id, '벤치 공장' FROM landlord").update();
        jdbc.sql("INSERT INTO tenant (name, business_no) VALUES ('(주)벤치', '1248100004')").update();
        jdbc.sql("""
                INSERT INTO lease (code, tenant_id, building_id, start_date, end_date, monthly_rent, management_fee, deposit, due_day)
                SELECT 'B' || i, (SELECT id FROM tenant), (SELECT id FROM building), DATE '2026-01-01', DATE '2027-12-31',
                       1000000, 100000, 10000000, 10
                FROM generate_series(1, ?) AS i""").param(leases).update();
        jdbc.sql("""
                INSERT INTO charge (lease_id, kind, period, due_date, amount, vat)
                SELECT l.id, k.kind, m::date, m::date + 9, k.amount, k.amount / 10
                FROM lease l
                CROSS JOIN (VALUES ('RENT', 1000000), ('MANAGEMENT_FEE', 100000)) AS k (kind, amount)
                CROSS JOIN generate_series(DATE '2026-01-01', DATE '2026-04-01', INTERVAL '1 month') AS m""").update();
        jdbc.sql("""
                INSERT INTO payment (lease_id, bank_reference, paid_on, amount)
                SELECT id, 'BENCH-' || id, DATE '2026-01-05', CASE WHEN id % 10 = 0 THEN 2 ELSE 3 END * 1210000
                FROM lease WHERE id % 50 <> 0""").update();
        jdbc.sql("ANALYZE").update();
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }
}
