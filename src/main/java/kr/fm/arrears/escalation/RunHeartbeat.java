package kr.fm.arrears.escalation;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This instance's claim on the runs it is executing: the run row names the instance and gets a fresh
 * {@code heartbeat_at} every few seconds from a thread of its own, for as long as the run executes
 * here. The database's clock stamps and judges the heartbeats, so instances' clocks need not agree,
 * and the test clock never enters into it.
 */
@Component
class RunHeartbeat implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

    private final JdbcClient jdbc;
    private final String instance;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "escalation-run-heartbeat");
        t.setDaemon(true);
        return t;
    });

    RunHeartbeat(JdbcClient jdbc, EscalationProperties properties) {
        Duration every = properties.heartbeat();
        this.jdbc = jdbc;
        this.instance = host() + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        beats.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    String instance() {
        return instance;
    }

    boolean runsHere(long run) {
        return running.contains(run);
    }

    /** From now until {@link #stop}, the run is ours and says so. */
    void start(long run) {
        running.add(run);
        jdbc.sql("UPDATE escalation_run SET owner = ?, heartbeat_at = now() WHERE id = ?").params(instance, run).update();
    }

    void stop(long run) {
        running.remove(run);
    }

    private void beat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("UPDATE escalation_run SET heartbeat_at = now() WHERE owner = :owner AND id IN (:ids)")
                    .param("owner", instance).param("ids", Set.copyOf(running)).update();
        } catch (RuntimeException databaseAway) {
            // the run's own chunks fail the same way; the next beat tries again
            log.warn("escalation run heartbeat not recorded: {}", databaseAway.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
    }
}
