package io.paybridge.reliability;

import io.paybridge.reliability.CallbackForger.Callback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fuzzed requests at the callback endpoints: random and mutated bodies (invalid UTF-8, truncated,
 * deeply nested, oversized, validly signed garbage), random content types, odd, huge and missing
 * headers, wrong methods and paths, and a few malformed raw HTTP requests. Every request is drawn
 * from one seeded {@link Random} before any is sent, so a seed replays the same run.
 */
final class CallbackFuzzer {
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zzz", "application/json; charset=ISO-8859-1", "application/octet-stream", "*/*",
            "garbage", "application/xml", "");
    private static final List<String> SIGNATURE_HEADERS = List.of("X-BluePay-Signature", "X-BitnovaPay-Signature", "X-Kipay-Signature",
            "Authorization-Key", "Authorization-Nonce", "Authorization-Signature", "Idempotency-Key", "X-BluePay-Event");
    private static final List<String> METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS");

    record Result(int requests, Map<String, Integer> byStatus, int serverErrors, int noAnswer, List<String> failures,
            Map<String, Integer> unansweredByKind) {
        @Override
        public String toString() {
            return requests + " requests, answers by status " + byStatus + ", 5xx " + serverErrors + ", unanswered " + noAnswer
                    + (failures.isEmpty() ? "" : ", first failures " + failures);
        }
    }

    private record Shot(String method, String path, byte[] body, Map<String, String> headers, byte[] raw, String kind) {
    }

    private final String baseUrl;
    private final CallbackForger forger;
    private final Random random;
    private final List<String> providers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CallbackFuzzer(String baseUrl, CallbackForger forger, long seed, List<String> providers) {
        this.baseUrl = baseUrl;
        this.forger = forger;
        this.random = new Random(seed);
        this.providers = providers;
    }

    Result run(int count) throws Exception {
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shots.add(draw(i));
        }
        Map<String, Integer> byStatus = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Integer> unansweredByKind = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int[] counts = new int[2];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Shot shot : shots) {
                done.add(pool.submit(() -> {
                    String status = fire(shot);
                    byStatus.merge(status, 1, Integer::sum);
                    boolean serverError = status.startsWith("5");
                    boolean unanswered = status.equals("no-answer");
                    synchronized (counts) {
                        counts[0] += serverError ? 1 : 0;
                        counts[1] += unanswered ? 1 : 0;
                    }
                    if (unanswered) {
                        unansweredByKind.merge(shot.kind(), 1, Integer::sum);
                    }
                    if ((serverError || unanswered) && failures.size() < 5) {
                        failures.add(status + " " + shot.method() + " " + shot.path() + " (" + shot.kind() + ")");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(count, new TreeMap<>(byStatus), counts[0], counts[1], List.copyOf(failures), new TreeMap<>(unansweredByKind));
    }

    private String fire(Shot shot) {
        if (shot.raw() != null) {
            return raw(shot.raw());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + shot.path())).timeout(Duration.ofSeconds(30))
                .method(shot.method(), HttpRequest.BodyPublishers.ofByteArray(shot.body()));
        shot.headers().forEach(request::header);
        try {
            return String.valueOf(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return "no-answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no-answer";
        }
    }

    /** A malformed request on a raw socket: the status line's code, or "closed" when the server just hangs up. */
    private String raw(byte[] request) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            String line = new String(head, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.") && line.length() >= 12 ? line.substring(9, 12) : "closed";
        } catch (IOException e) {
            return "closed";
        }
    }

    private Shot draw(int n) {
        String provider = providers.get(random.nextInt(providers.size()));
        int roll = random.nextInt(100);
        if (roll < 3) {
            return rawShot(provider);
        }
        String method = random.nextInt(10) == 0 ? METHODS.get(random.nextInt(METHODS.size())) : "POST";
        String path = path(provider);
        Map<String, String> headers = new LinkedHashMap<>();
        String kind;
        byte[] body;
        int b = random.nextInt(10);
        switch (b) {
            case 0 -> { body = new byte[0]; kind = "empty"; }
            case 1 -> { body = randomBytes(random.nextInt(2000)); kind = "random-bytes"; }
            case 2 -> { body = nested(random.nextInt(3000) + 10); kind = "nested"; }
            case 3 -> { body = randomBytes(65_536 + random.nextInt(100_000)); kind = "oversized"; }
            case 4, 5 -> {
                body = mutate(genuine(provider, "fz-unknown-" + n).body());
                headers.putAll(forger.signAny(provider, body));
                kind = "signed-mutation";
            }
            case 6 -> {
                Callback c = genuine(provider, "fz-unknown-" + n);
                body = c.body();
                headers.putAll(c.headers());
                kind = "genuine-unknown-payment";
            }
            case 7 -> { body = oddJson(); headers.putAll(forger.signAny(provider, body)); kind = "signed-odd-json"; }
            default -> {
                Callback c = forger.success(provider, "fz-" + provider, "fzref-" + provider, true);
                body = mutate(c.body());
                headers.putAll(c.headers());
                kind = "tampered-seeded";
            }
        }
        headers.put("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
        if (headers.get("Content-Type").isEmpty()) {
            headers.remove("Content-Type");
        }
        int extra = random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String name = random.nextBoolean() ? SIGNATURE_HEADERS.get(random.nextInt(SIGNATURE_HEADERS.size())) : "X-Fuzz-" + random.nextInt(1000);
            headers.put(name, headerValue());
        }
        if (random.nextInt(8) == 0 && !headers.isEmpty()) {
            headers.remove(new ArrayList<>(headers.keySet()).get(random.nextInt(headers.size()))); // a missing header
        }
        return new Shot(method, path, body, headers, null, kind);
    }

    private String path(String provider) {
        int r = random.nextInt(20);
        return switch (r) {
            case 0 -> "/callbacks/" + randomToken(1 + random.nextInt(20));
            case 1 -> "/callbacks/" + provider + "/" + randomToken(5);
            case 2 -> "/callbacks/%FF%FE%00";
            case 3 -> "/callbacks/" + provider + "?x=" + randomToken(30);
            case 4 -> "/callbacks/..%2F..%2Fadmin%2Fdlq%2Freplay";
            case 5 -> "/callbacks/" + provider.toUpperCase();
            default -> "/callbacks/" + provider;
        };
    }

    private Callback genuine(String provider, String id) {
        return forger.success(provider, id, "ref-" + id, true);
    }

    private byte[] mutate(byte[] original) {
        byte[] body = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(5) && body.length > 0; i++) {
                    int at = random.nextInt(body.length);
                    body[at] = (byte) (body[at] ^ (1 + random.nextInt(255))); // always a different byte: a flip back to itself is no tampering
                }
            }
            case 1 -> body = java.util.Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
            case 2 -> {
                byte[] junk = randomBytes(1 + random.nextInt(50));
                byte[] joined = new byte[body.length + junk.length];
                int at = body.length == 0 ? 0 : random.nextInt(body.length);
                System.arraycopy(body, 0, joined, 0, at);
                System.arraycopy(junk, 0, joined, at, junk.length);
                System.arraycopy(body, at, joined, at + junk.length, body.length - at);
                body = joined;
            }
            case 3 -> body = new String(body, StandardCharsets.UTF_8).replace("\"", random.nextBoolean() ? "'" : "")
                    .getBytes(StandardCharsets.UTF_8);
            default -> body = new String(body, StandardCharsets.UTF_8).replaceAll("\"[a-z_]+\":", "\"" + randomToken(4) + "\":")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return body;
    }

    private byte[] oddJson() {
        List<String> odd = List.of("null", "[]", "[{}]", "\"text\"", "1e999999", "-0", "{\"event\":null,\"data\":[]}",
                "{\"event\":{\"a\":1},\"data\":\"x\"}", "{\"object\":[],\"event\":\"transaction.paid_out\"}",
                "{\"data\":{\"reference\":12345678901234567890123456789,\"amount\":\"NaN\"},\"event\":\"charge.success\"}",
                "{\"event\":\"withdrawal.success\",\"timestamp\":\"yesterday\",\"data\":{}}",
                "{\"order_id\":[1,2],\"status\":\"2\",\"signature\":{}}", "{\"\\u0000\":\"\\ud800\"}",
                "{\"event\":\"mpesa.b2c.success\",\"data\":{\"external_reference\":\"" + "x".repeat(5000) + "\"}}");
        return odd.get(random.nextInt(odd.size())).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nested(int depth) {
        StringBuilder s = new StringBuilder();
        s.append("[{\"a\":".repeat(depth / 2)).append("1").append("}]".repeat(depth / 2));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String headerValue() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "v1=" + "a".repeat(random.nextInt(200));
            case 2 -> "sha256=" + randomToken(64);
            case 3 -> randomToken(2000 + random.nextInt(2000));
            case 4 -> " v1=;,\"'\\ {}[]<> ";
            default -> randomToken(1 + random.nextInt(100));
        };
    }

    private Shot rawShot(String provider) {
        String path = "/callbacks/" + provider;
        String req = switch (random.nextInt(5)) {
            case 0 -> "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}";
            case 1 -> "POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 2 -> "POST " + path + " HTTP/1.1\r\nHost: x\r\nthis header has no colon\r\nContent-Length: 2\r\n\r\n{}";
            case 3 -> "POST " + path + " HTTP/1.1\r\nHost: x\r\nX-BluePay-Signature: v1=\u00ff\u00fe\u00e9\r\nContent-Length: 2\r\n\r\n{}";
            default -> "POST /callbacks/\u0000" + provider + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
        };
        return new Shot("RAW", path, new byte[0], Map.of(), req.getBytes(StandardCharsets.ISO_8859_1), "raw-malformed");
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomToken(int n) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
