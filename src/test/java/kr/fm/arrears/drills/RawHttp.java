package kr.fm.arrears.drills;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, for bodies no client should hold: the body is generated piece by
 * piece while it is sent (a fixed 64 KB pattern between a prefix and a suffix), and the answer is
 * read on its own thread, so a server that answers 413 before the body is done is heard instead of
 * being lost in a reset connection. The socket may be bound to another loopback address
 * (127.0.0.2): a second client address on one machine.
 */
final class RawHttp {

    /** Status, the raw answer (head and body) and how many body bytes were sent before it came. */
    record Answer(int status, String raw, long bytesSent) {
        /** The JSON object of the answer (a small one: one chunk at most). */
        String json() {
            int from = raw.indexOf('{');
            int to = raw.lastIndexOf('}');
            return from < 0 || to < from ? "{}" : raw.substring(from, to + 1);
        }
    }

    /** A body: {@code prefix}, then {@code filler} bytes of a CSV-like pattern, then {@code suffix}. */
    record Body(String contentType, byte[] prefix, long filler, byte[] suffix) {
        long length() {
            return prefix.length + filler + suffix.length;
        }

        static Body of(String contentType, long size) {
            return new Body(contentType, new byte[0], size, new byte[0]);
        }

        /** One file part {@code file} of a multipart form, {@code size} bytes of content. */
        static Body multipart(String fileName, long size) {
            String boundary = "drillboundary7d9a";
            return new Body("multipart/form-data; boundary=" + boundary, ("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII), size,
                    ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static final byte[] PATTERN;

    static {
        byte[] line = "DR-1,drill,220-81-62517,2026-01-01,1000000\n".getBytes(StandardCharsets.US_ASCII);
        PATTERN = new byte[64 * 1024];
        for (int i = 0; i < PATTERN.length; i++) {
            PATTERN[i] = line[i % line.length];
        }
    }

    /** One thread per answer being read: they block, and the common pool has as few threads as cores. */
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-reader");
        t.setDaemon(true);
        return t;
    });

    private RawHttp() {}

    /** A GET without a body, from {@code fromAddress}. */
    static Answer get(String fromAddress, int port, String path, Map<String, String> headers, Duration timeout)
            throws IOException {
        return send("GET", fromAddress, port, path, headers, null, false, timeout);
    }

    static Answer post(String fromAddress, int port, String path, Map<String, String> headers, Body body, boolean chunked,
            Duration timeout) throws IOException {
        return send("POST", fromAddress, port, path, headers, body, chunked, timeout);
    }

    private static Answer send(String method, String fromAddress, int port, String path, Map<String, String> headers,
            Body body, boolean chunked, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(in), READERS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: ").append(body.contentType()).append("\r\n")
                        .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n");
            }
            head.append("\r\n");
            long sent = 0;
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body == null) {
                    out.flush();
                    return answer(answer, 0, path, timeout);
                }
                sent += piece(out, body.prefix(), body.prefix().length, chunked);
                for (long left = body.filler(); left > 0 && !answer.isDone(); ) {
                    int n = (int) Math.min(left, PATTERN.length);
                    sent += piece(out, PATTERN, n, chunked);
                    left -= n;
                }
                if (!answer.isDone()) {
                    sent += piece(out, body.suffix(), body.suffix().length, chunked);
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                }
            } catch (IOException closedByServer) {
                // the server answered and closed: what it said is being read
            }
            return answer(answer, sent, path, timeout);
        }
    }

    private static Answer answer(CompletableFuture<String> answer, long sent, String path, Duration timeout) throws IOException {
        String raw;
        try {
            raw = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("no answer from " + path + " within " + timeout, e);
        }
        int status = raw.startsWith("HTTP/1.1 ") && raw.length() >= 12 ? Integer.parseInt(raw.substring(9, 12)) : -1;
        return new Answer(status, raw, sent);
    }

    private static long piece(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return length;
    }

    /**
     * The answer: read until it is complete (its Content-Length, or the last chunk) or the server
     * closes; at most 1 MB kept. Complete means the sender may stop: the server has said its piece.
     */
    private static String readAll(InputStream in) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (got.size() < 1 << 20) {
                    got.write(buffer, 0, n);
                }
                if (complete(got.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what came
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = raw.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return raw.length() - end - 4 >= Long.parseLong(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && raw.length() > end + 4 && raw.endsWith("\n0\r\n\r\n");
    }
}
