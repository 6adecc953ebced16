package kr.fm.arrears.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import kr.fm.arrears.ArrearsApplication;
import kr.fm.arrears.bank.MonthOfDeposits;
import kr.fm.arrears.tools.PortfolioGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A 50,000-line statement (issue 16: within 30 s): 10,000 leases of one landlord, five months of one
 * deposit each in the KB국민 layout with a withdrawal every 20 lines, uploaded over HTTP; the upload's
 * wall time covers reading, recording, matching and applying. Then the same file again (nothing new).
 * Not run by {@code ./mvnw test}. Arguments: [leases=10000] [months=5]. Schema "bench_bank" of ARREARS_DB_URL.
 */
public final class BankStatementBenchmark {

    public static void main(String[] args) throws Exception {
        int leases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = System.getenv().getOrDefault("ARREARS_DB_URL", "jdbc:postgresql://localhost:5432/arrears_bank");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_bank CASCADE");
            s.execute("CREATE SCHEMA bench_bank");
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArrearsApplication.class).run(Arrays.stream(new String[] {
                "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.hikari.schema=bench_bank", "spring.flyway.schemas=bench_bank",
                "spring.flyway.default-schema=bench_bank", "arrears.scheduling.enabled=false",
                "arrears.security.admin-password=bench-admin", "arrears.clock.fixed=2026-05-15T10:00:00+09:00[Asia/Seoul]",
                "server.port=0", "logging.level.root=WARN"}).map(p -> "--" + p).toArray(String[]::new));
        try {
            Figures figures = new Figures("bank-statement");
            new PortfolioGenerator(app.getBean(DataSource.class)).generate(new PortfolioGenerator.Plan(leases, 16, YearMonth.of(2026, 4), leases));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long landlord = jdbc.sql("SELECT min(id) FROM landlord").query(Long.class).single();
            String account = jdbc.sql("SELECT bank_account FROM landlord WHERE id = ?").param(landlord).query(String.class).single();
            List<MonthOfDeposits.LeaseRow> rows = MonthOfDeposits.leases(jdbc, landlord);
            List<MonthOfDeposits.Line> lines = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                // no 가상계좌 stored here: those lines go in the same file and wait, like other payers
                MonthOfDeposits.month(rows, YearMonth.of(2025, 12).plusMonths(m), 16 + m, null, new HashMap<>()).forEach(l ->
                        lines.add(new MonthOfDeposits.Line(l.at(), l.payer(), l.amount(), null, l.leaseId(), l.kind())));
            }
            byte[] file = MonthOfDeposits.kbCsv(account, lines);
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultHeaders(h -> h.setBasicAuth("admin", "bench-admin")).build();

            long started = System.nanoTime();
            String first = upload(http, account, file);
            long firstMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            String again = upload(http, account, file);
            long againMs = (System.nanoTime() - started) / 1_000_000;

            figures.printf("portfolio: %,d leases of one landlord; statement: %,d deposits + %,d withdrawals, %,d bytes (KB국민 layout, CSV)",
                    rows.size(), lines.size(), (lines.size() + 19) / 20, file.length);
            figures.printf("first import: %,d ms  %s", firstMs, first);
            figures.printf("same file again: %,d ms  %s", againMs, again);
            figures.printf("ledger payments from the statement: %,d; audit events: %,d",
                    jdbc.sql("SELECT count(*) FROM payment WHERE bank_reference LIKE 'BANK-%'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single());
            figures.printf("within 30 s: %s", firstMs <= 30_000 ? "yes" : "NO");
            figures.write();
        } finally {
            app.close();
        }
    }

    private static String upload(RestClient http, String account, byte[] file) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "statement.csv";
            }
        });
        return http.post().uri("/api/imports/bank-statements?account=" + account).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(String.class);
    }
}
