package kr.fm.arrears.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's figures: printed as they come, then written into docs/performance.md under "Latest
 * runs", in a block of their own that the next run of the same benchmark replaces — with when, on
 * which machine and under which load they were taken, because on a shared 2-core machine a figure
 * without its load says little. The sections above it interpret earlier runs; this block is what the
 * last run printed. Also a command for the shell scripts: {@code ... | java -cp target/test-classes
 * kr.fm.arrears.bench.Figures KEY} records the lines read from standard input.
 */
public final class Figures {

    static final Path DOC = Path.of("docs/performance.md");
    static final String SECTION = "## Latest runs (written by the benchmarks)";

    private final String key;
    private final String loadBefore;
    private final List<String> lines = new ArrayList<>();

    /** Call before the measurement: the load average now is recorded as "before". */
    public Figures(String key) {
        this(key, load());
    }

    private Figures(String key, String loadBefore) {
        this.key = key;
        this.loadBefore = loadBefore;
    }

    /** Prints one line of figures and keeps it for the document. */
    public void printf(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args).stripTrailing();
        System.out.println(line);
        lines.add(line);
    }

    /** Replaces this benchmark's block in docs/performance.md (run from the repository root). */
    public void write() throws IOException {
        if (!Files.exists(DOC)) {
            System.out.println("(not in the repository root: " + DOC + " not written)");
            return;
        }
        String begin = "<!-- latest:" + key + " -->";
        String end = "<!-- /latest:" + key + " -->";
        StringBuilder block = new StringBuilder(begin).append('\n').append("**").append(key).append("**, ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(cpu())
                .append(", Java ").append(System.getProperty("java.version"))
                .append(loadBefore == null ? "; load average when written " + load() + " (before/after in the lines)"
                        : "; load average before " + loadBefore + ", after " + load()).append(":\n\n```\n");
        lines.forEach(l -> block.append(l).append('\n'));
        block.append("```\n").append(end);

        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        if (from >= 0 && to > from) {
            doc = doc.substring(0, from) + block + doc.substring(to + end.length());
        } else {
            if (!doc.contains(SECTION)) {
                doc = doc.stripTrailing() + "\n\n" + SECTION + "\n";
            }
            doc = doc.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(DOC, doc, StandardCharsets.UTF_8);
        System.out.println("figures written to " + DOC + " (" + key + ")");
    }

    private static String load() {
        try {
            String[] avg = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return avg[0] + " / " + avg[1] + " / " + avg[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpu() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    /** {@code Figures KEY}: records the lines on standard input as KEY's latest figures. */
    public static void main(String[] args) throws IOException {
        Figures figures = new Figures(args[0], null); // a script's lines carry their own load before and after
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            figures.printf("%s", line);
        }
        figures.write();
    }
}
