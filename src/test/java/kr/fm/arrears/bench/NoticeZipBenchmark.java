package kr.fm.arrears.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.fm.arrears.ArrearsApplication;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.escalation.StageReached;
import kr.fm.arrears.escalation.StepsApplied;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.notice.NoticeWorkflow;
import kr.fm.arrears.shared.Viewer.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The notice history's ZIP of N approved notices, streamed over HTTP: wall time, bytes, entries and
 * how far the heap rose above its level before the download (sampled every 5 ms). Run it with a
 * small heap (-Xmx256m): a ZIP built in memory would need its whole size at once. One notice is
 * approved through the workflow (its PDF rendered); the other N−1 are copies of its row and bytes
 * made in SQL, each with a distinct trailing PDF comment so its SHA-256 (unique) differs.
 * Not run by {@code ./mvnw test}. Arguments: [notices=1000]. Uses schema "bench_zip" of ARREARS_DB_URL.
 */
public final class NoticeZipBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String url = System.getenv().getOrDefault("ARREARS_DB_URL", "jdbc:postgresql://localhost:5432/arrears_portal");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_zip CASCADE");
            s.execute("CREATE SCHEMA bench_zip");
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArrearsApplication.class).run(Arrays.stream(new String[] {
                "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.hikari.schema=bench_zip", "spring.flyway.schemas=bench_zip",
                "spring.flyway.default-schema=bench_zip", "arrears.scheduling.enabled=false",
                "arrears.security.admin-password=bench-admin", "arrears.clock.fixed=2026-04-15T10:00:00+09:00[Asia/Seoul]",
                "server.port=0", "logging.level.root=WARN"}).map(p -> "--" + p).toArray(String[]::new));
        try {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultHeaders(h -> h.setBasicAuth("admin", "bench-admin")).build();
            http.post().uri("/api/imports/leases").contentType(MediaType.parseMediaType("text/csv"))
                    .body(Files.readAllBytes(Path.of("docs/examples/leases.csv"))).retrieve().toBodilessEntity();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long leaseId = jdbc.sql("SELECT id FROM lease WHERE code = 'HW-101'").query(Long.class).single();
            app.getBean(TransactionTemplate.class).executeWithoutResult(s -> app.publishEvent(new StepsApplied(
                    List.of(new StageReached(1, leaseId, Stage.DEMAND_NOTICE, LocalDate.of(2026, 4, 15))), List.of())));
            NoticeWorkflow workflow = app.getBean(NoticeWorkflow.class);
            long id = jdbc.sql("SELECT id FROM notice").query(Long.class).single();
            workflow.submit(id, Viewer.staff("bench-manager", Viewer.Role.MANAGER));
            workflow.approve(id, Viewer.staff("bench-approver", Viewer.Role.MANAGER)); // four eyes: not the one who submitted
            copies(jdbc, id, count - 1);
            long pdfBytes = jdbc.sql("SELECT sum(length(pdf)) FROM notice_version WHERE pdf IS NOT NULL").query(Long.class).single();

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();

            long t0 = System.nanoTime();
            long[] bytesAndEntries = http.get().uri("/api/history/notices.zip").exchange((req, res) -> {
                CountingStream counted = new CountingStream(res.getBody());
                long entries = 0;
                try (ZipInputStream zip = new ZipInputStream(counted)) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        zip.transferTo(java.io.OutputStream.nullOutputStream());
                        entries++;
                    }
                }
                return new long[] {counted.count, entries};
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            running.set(false);
            sampler.join();

            Figures figures = new Figures("notice-zip");
            figures.printf("notices.zip of %d approved notices: %,d bytes (%,d bytes of PDFs), %d entries, in %.2f s",
                    count, bytesAndEntries[0], pdfBytes, bytesAndEntries[1], seconds);
            figures.printf("heap: max %d MB, used before %.1f MB, peak during the download %.1f MB (+%.1f MB)",
                    Runtime.getRuntime().maxMemory() >> 20, before / 1048576.0, peak.get() / 1048576.0,
                    (peak.get() - before) / 1048576.0);
            figures.write();
        } finally {
            app.close();
        }
    }

    /** N−1 copies of the approved notice, numbered after it, each PDF with its own trailing comment. */
    private static void copies(JdbcClient jdbc, long id, int n) {
        jdbc.sql("""
                INSERT INTO notice (case_id, lease_id, kind, status, version, last_editor, decided_by, decided_at, drafted_on,
                                    created_at, updated_at)
                SELECT 1000 + g, lease_id, kind, status, 1, last_editor, decided_by, decided_at, drafted_on, created_at, updated_at
                FROM notice, generate_series(1, ?) g WHERE id = ?""").params(n, id).update();
        jdbc.sql("""
                INSERT INTO notice_version (notice_id, version, content, edited_by, edited_at, approved_by, approved_at,
                                            document_no, document_date, verification_code, pdf, pdf_sha256)
                SELECT c.id, 1, v.content, v.edited_by, v.edited_at, v.approved_by, v.approved_at,
                       '2026-' || lpad((c.case_id - 999)::text, 6, '0'), v.document_date, v.verification_code,
                       v.pdf || convert_to('%copy ' || c.case_id || chr(10), 'UTF8'),
                       encode(sha256(v.pdf || convert_to('%copy ' || c.case_id || chr(10), 'UTF8')), 'hex')
                FROM notice c JOIN notice_version v ON v.notice_id = ? AND v.version = 1
                WHERE c.case_id > 1000""").param(id).update();
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws java.io.IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
