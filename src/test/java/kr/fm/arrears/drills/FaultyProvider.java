package kr.fm.arrears.drills;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A messaging provider on 127.0.0.1 that misbehaves on purpose, from a seeded {@link Random}: of
 * all requests, {@code failShare} fail before anything is accepted (a third each 500, 503 with
 * Retry-After: 1, and a connection closed without an answer) and {@code stallShare} are accepted but
 * answered only after {@code stall}, past the client's read timeout. Like a real provider it
 * de-duplicates by {@code X-Request-Id}: a key accepted once is answered 200 with the same message id
 * and never accepted again. It counts every request and every outcome.
 */
final class FaultyProvider implements AutoCloseable {

    enum Outcome { ACCEPTED, DUPLICATE, ERROR_500, ERROR_503, DROPPED, STALLED }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Random random;
    private final double failShare;
    private final double stallShare;
    private final Duration stall;
    /** request id → provider message id, for each key accepted (exactly once by construction). */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** request id → how many requests carried it, accepted or not. */
    final Map<String, AtomicInteger> requestsPerKey = new ConcurrentHashMap<>();
    final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    /** Opened once this provider has received a request: what {@link #holdFirstUntil} waits for. */
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile FaultyProvider holdUntilReached;

    FaultyProvider(long seed, double failShare, double stallShare, Duration stall) throws IOException {
        this.random = new Random(seed);
        this.failShare = failShare;
        this.stallShare = stallShare;
        this.stall = stall;
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/v1/messages", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Every request this provider gets is held (before it is accepted) until {@code other} has received
     * one too, at most a minute. Two instances' providers held for each other make "both dispatchers
     * sent" certain rather than a matter of who polled first: whichever dispatcher reaches its
     * provider first waits, holding its claimed batch, so the other one claims the rest and sends.
     */
    void holdFirstUntil(FaultyProvider other) {
        holdUntilReached = other;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int count(Outcome o) {
        return outcomes.get(o).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("X-Request-Id");
        requests.incrementAndGet();
        received.countDown();
        FaultyProvider other = holdUntilReached;
        if (other != null) {
            try {
                other.received.await(1, TimeUnit.MINUTES); // a condition, not a pause: released as soon as it holds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        requestsPerKey.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (roll < failShare / 3) {
            outcomes.get(Outcome.ERROR_500).incrementAndGet();
            answer(exchange, 500, "{\"code\":\"INTERNAL\",\"message\":\"drill: internal error\"}");
        } else if (roll < failShare * 2 / 3) {
            outcomes.get(Outcome.ERROR_503).incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(exchange, 503, "{\"code\":\"BUSY\",\"message\":\"drill: try again\"}");
        } else if (roll < failShare) {
            outcomes.get(Outcome.DROPPED).incrementAndGet();
            exchange.close(); // hang up without a status line: the client sees the connection end
        } else {
            String[] id = new String[1];
            boolean first = accepted.computeIfAbsent(key, k -> {
                id[0] = "drill-" + ids.incrementAndGet();
                return id[0];
            }).equals(id[0]);
            outcomes.get(first ? Outcome.ACCEPTED : Outcome.DUPLICATE).incrementAndGet();
            if (roll < failShare + stallShare) {
                outcomes.get(Outcome.STALLED).incrementAndGet();
                try {
                    Thread.sleep(stall.toMillis()); // the provider's own slowness, not a wait for a condition
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer(exchange, 200, "{\"messageId\":\"" + accepted.get(key) + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) {
        try {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGaveUp) {
            // the client's read timeout closed the connection first: that is the stall doing its job
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
