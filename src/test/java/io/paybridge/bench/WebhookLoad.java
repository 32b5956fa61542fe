package io.paybridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load generator of bench/webhooks: BluePay "payout succeeded" webhooks, signed as BluePay
 * signs them ({@code X-BluePay-Signature: v1=<hex HMAC-SHA256>}, a fresh Idempotency-Key each),
 * built before the clock starts. Closed loop: a fixed number of senders, each waiting for its
 * answer. Open loop: sends at a fixed rate whatever the answers do, latency measured from the
 * moment each request was due (so a stall is not hidden by the sender waiting).
 */
final class WebhookLoad {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String secret;

    WebhookLoad(String secret) {
        this.secret = secret;
    }

    List<HttpRequest> requests(String baseUrl, int first, int count) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        URI uri = URI.create(baseUrl + "/callbacks/bluepay");
        List<HttpRequest> out = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            String id = WebhookLedger.id(n);
            byte[] body = ("{\"event\":\"mpesa.b2c.success\",\"data\":{\"id\":\"bp-" + id + "\",\"status\":\"completed\","
                    + "\"external_reference\":\"" + id + "\",\"transaction_fee\":\"15.00\",\"mpesa_receipt\":\"R" + n + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            out.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-BluePay-Event", "mpesa.b2c.success")
                    .header("X-BluePay-Signature", "v1=" + HexFormat.of().formatHex(mac.doFinal(body)))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
        return out;
    }

    /** Closed loop; returns elapsed nanoseconds until every request was answered. Fails on any non-2xx. */
    long closed(List<HttpRequest> requests, int senders) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < senders; s++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    try {
                        if (http.send(requests.get(i), HttpResponse.BodyHandlers.discarding()).statusCode() / 100 != 2) {
                            bad.incrementAndGet();
                        }
                    } catch (Exception e) {
                        bad.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - started;
        if (bad.get() > 0) {
            throw new IllegalStateException(bad.get() + " webhooks not answered 2xx");
        }
        return elapsed;
    }

    /** Open loop at {@code perSecond}; returns each request's due time and fills {@code latencyNanos} (request due → 2xx). */
    long[] open(List<HttpRequest> requests, double perSecond, long[] latencyNanos) {
        long period = (long) (1e9 / perSecond);
        long[] due = new long[requests.size()];
        AtomicInteger bad = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(requests.size());
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < requests.size(); i++) {
            due[i] = start + i * period;
            long wait = due[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pending.add(http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencyNanos[index] = System.nanoTime() - due[index];
                if (e != null || r.statusCode() / 100 != 2) {
                    bad.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (bad.get() > 0) {
            throw new IllegalStateException(bad.get() + " webhooks not answered 2xx");
        }
        return due;
    }
}
