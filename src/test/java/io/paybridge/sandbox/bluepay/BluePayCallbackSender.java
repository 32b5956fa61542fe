package io.paybridge.sandbox.bluepay;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers BluePay webhooks: signed {@code v1=} HMAC-SHA256 over the exact bytes sent, with the
 * API secret (never the Basic credentials). BluePay does not retry, so neither does this; a
 * failed delivery is only counted, and nothing is thrown back into the settlement thread.
 */
final class BluePayCallbackSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String apiSecret;
    private final HttpClient client = HttpClient.newBuilder()
            // The JDK HttpServer receivers used in tests speak HTTP/1.1 only.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    BluePayCallbackSender(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    /** Sends once, or twice with the same body and Idempotency-Key when duplicating. */
    void send(String url, String event, Map<String, Object> body, boolean duplicate) {
        byte[] raw;
        try {
            raw = BluePayJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            failed.incrementAndGet();
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-BluePay-Event", event)
                    .header("X-BluePay-Signature", "v1=" + sign(raw, apiSecret))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            failed.incrementAndGet();
            return;
        }
        deliver(request);
        if (duplicate) {
            deliver(request);
        }
    }

    private void deliver(HttpRequest request) {
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
        }
    }

    int deliveredCount() {
        return delivered.get();
    }

    int failedCount() {
        return failed.get();
    }

    /** Lowercase hex HMAC-SHA256 of {@code raw} keyed with the UTF-8 secret. */
    static String sign(byte[] raw, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
