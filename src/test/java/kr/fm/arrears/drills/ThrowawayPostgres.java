package kr.fm.arrears.drills;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A PostgreSQL cluster of the drill's own under /tmp, on a free port of 127.0.0.1, trust auth: the one
 * a drill may stop and restart (never the shared server on 5432). As root the server runs as the
 * {@code postgres} user (initdb refuses root). Gone again after {@link #close}.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ThrowawayPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    /** The newest installed server's binaries, if any. */
    static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    static ThrowawayPostgres start(Path bin) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Path.of("/tmp", "arrears-drill-pg-" + ProcessHandle.current().pid() + "-" + port);
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, port, root);
        pg.run("mkdir", "-p", dir.toString());
        pg.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "--auth=trust", "-U", "postgres",
                "-E", "UTF8", "--locale=C.UTF-8");
        pg.pgCtl("start");
        return pg;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** {@code pg_ctl -m fast restart}: every connection is cut, open transactions roll back. */
    void restart() throws Exception {
        pgCtl("restart", "-m", "fast");
    }

    private void pgCtl(String... action) throws Exception {
        List<String> args = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
                "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"));
        args.addAll(List.of(action));
        run(args.toArray(String[]::new));
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            pgCtl("stop", "-m", "immediate");
        } finally {
            run("rm", "-rf", dir.toString());
        }
    }
}
