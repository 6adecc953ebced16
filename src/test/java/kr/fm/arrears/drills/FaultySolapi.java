package kr.fm.arrears.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solapi's group API (create, add messages, send, group status, group messages) on 127.0.0.1,
 * misbehaving on purpose from a seeded {@link Random}: of all requests, {@code failShare} fail before
 * anything happens (a third each 500, 503 with Retry-After: 1, and a connection closed without an
 * answer) and {@code stallShare} take effect but are answered only after {@code stall}, past the
 * client's read timeout. Like the real one it has no idempotency key: adding a message twice stores it
 * twice, and sending two groups that hold it texts the tenant twice. It records what a phone would see:
 * each key sent, with its message id, and every key sent more than once.
 */
final class FaultySolapi implements AutoCloseable {

    enum Outcome { OK, ERROR_500, ERROR_503, DROPPED, STALLED }

    private record Held(String messageId, String key) {}

    private static final class Group {
        final List<Held> messages = new ArrayList<>();
        volatile boolean sent;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final double failShare;
    private final double stallShare;
    private final Duration stall;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    /** key → message id of the first group that sent it: what the tenants' phones received. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** keys a second sent group held again: texted twice. Must stay empty. */
    final Map<String, AtomicInteger> sentTwice = new ConcurrentHashMap<>();
    /** how often each key was stored by "add messages" (stored twice is the danger, even if never sent) */
    final Map<String, AtomicInteger> storedPerKey = new ConcurrentHashMap<>();
    final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile FaultySolapi holdUntilReached;

    FaultySolapi(long seed, double failShare, double stallShare, Duration stall) throws IOException {
        this.random = new Random(seed);
        this.failShare = failShare;
        this.stallShare = stallShare;
        this.stall = stall;
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/messages/v4/groups", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The settings that point a service at this stub. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("arrears.messaging.provider", "solapi");
        s.put("arrears.messaging.solapi.base-url", baseUrl());
        s.put("arrears.messaging.solapi.api-key", "DRILLKEY");
        s.put("arrears.messaging.solapi.api-secret", "drill-secret");
        s.put("arrears.messaging.solapi.pf-id", "KA01PFDRILL");
        for (String code : List.of("ARR_UPCOMING", "ARR_REMIND_1", "ARR_REMIND_2", "ARR_FINAL", "ARR_RESOLVED")) {
            s.put("arrears.messaging.solapi.templates." + code, "KA01TPDRILL" + code);
        }
        return s;
    }

    /** Every request is held until {@code other} has received one too (at most a minute): see TwoInstancesDrillTest. */
    void holdFirstUntil(FaultySolapi other) {
        holdUntilReached = other;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int count(Outcome o) {
        return outcomes.get(o).get();
    }

    /** Messages held by groups that were sent. */
    int sentMessages() {
        return groups.values().stream().filter(g -> g.sent).mapToInt(g -> g.messages.size()).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        received.countDown();
        FaultySolapi other = holdUntilReached;
        if (other != null) {
            try {
                other.received.await(1, TimeUnit.MINUTES); // a condition, not a pause: released as soon as it holds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            answer(exchange, 403, "{\"errorCode\":\"InvalidAPIKey\",\"errorMessage\":\"no Authorization\"}");
            return;
        }
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (roll < failShare / 3) {
            outcomes.get(Outcome.ERROR_500).incrementAndGet();
            answer(exchange, 500, "{\"errorCode\":\"InternalError\",\"errorMessage\":\"drill: internal error\"}");
            return;
        } else if (roll < failShare * 2 / 3) {
            outcomes.get(Outcome.ERROR_503).incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(exchange, 503, "{\"errorCode\":\"ServiceUnavailable\",\"errorMessage\":\"drill: try again\"}");
            return;
        } else if (roll < failShare) {
            outcomes.get(Outcome.DROPPED).incrementAndGet();
            exchange.close(); // hang up without a status line
            return;
        }
        String answer = apply(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
        if (roll < failShare + stallShare) {
            outcomes.get(Outcome.STALLED).incrementAndGet();
            try {
                Thread.sleep(stall.toMillis()); // the provider's own slowness, after it took effect
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            outcomes.get(Outcome.OK).incrementAndGet();
        }
        answer(exchange, answer == null ? 404 : 200, answer == null ? "{\"errorCode\":\"NotFound\"}" : answer);
    }

    /** The request's effect and its answer; null for a group that does not exist. */
    private String apply(String method, String path, byte[] body) throws IOException {
        String[] parts = path.split("/"); // "", messages, v4, groups[, id[, messages|send]]
        if (parts.length == 4 && method.equals("POST")) {
            String id = "G" + ids.incrementAndGet();
            groups.put(id, new Group());
            return "{\"groupId\":\"" + id + "\",\"status\":\"PENDING\"}";
        }
        Group group = parts.length >= 5 ? groups.get(parts[4]) : null;
        if (group == null) {
            return null;
        }
        if (parts.length == 5) {
            return "{\"groupId\":\"" + parts[4] + "\",\"status\":\"" + (group.sent ? "SENDING" : "PENDING") + "\"}";
        }
        if (parts[5].equals("send")) {
            synchronized (group) {
                if (!group.sent) {
                    group.sent = true;
                    for (Held h : group.messages) {
                        if (accepted.putIfAbsent(h.key(), h.messageId()) != null) {
                            sentTwice.computeIfAbsent(h.key(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }
            }
            return "{\"groupId\":\"" + parts[4] + "\",\"status\":\"SENDING\"}";
        }
        if (method.equals("PUT")) {
            StringBuilder results = new StringBuilder("{\"errorCount\":0,\"resultList\":[");
            JsonNode messages = json.readTree(body).path("messages");
            synchronized (group) {
                for (int i = 0; i < messages.size(); i++) {
                    String key = messages.get(i).path("customFields").path("arrearsKey").asText();
                    String id = "M" + ids.incrementAndGet();
                    group.messages.add(new Held(id, key));
                    storedPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    results.append(i == 0 ? "" : ",").append("{\"messageId\":\"").append(id)
                            .append("\",\"statusCode\":\"2000\",\"statusMessage\":\"정상 접수\"}");
                }
            }
            return results.append("]}").toString();
        }
        StringBuilder list = new StringBuilder("{\"startKey\":null,\"limit\":1000,\"messageList\":{");
        synchronized (group) {
            for (int i = 0; i < group.messages.size(); i++) {
                Held h = group.messages.get(i);
                list.append(i == 0 ? "" : ",").append('"').append(h.messageId()).append("\":{\"messageId\":\"")
                        .append(h.messageId()).append("\",\"statusCode\":\"2000\",\"customFields\":{\"arrearsKey\":\"")
                        .append(h.key()).append("\"}}");
            }
        }
        return list.append("}}").toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
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
