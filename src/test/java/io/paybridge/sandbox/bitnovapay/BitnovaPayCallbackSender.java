package io.paybridge.sandbox.bitnovapay;

import io.paybridge.provider.bitnovapay.BitnovaPayWebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers BitnovaPay webhooks to every registered URL subscribed to the event: body
 * {@code {"event", "timestamp", "data"}}, header {@code X-BitnovaPay-Signature: sha256=<hex>}
 * with that registration's own secret. The document says nothing of retries, so there are none;
 * failures are only counted.
 */
final class BitnovaPayCallbackSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BitnovaPayState state;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    BitnovaPayCallbackSender(BitnovaPayState state) {
        this.state = state;
    }

    void send(String event, Map<String, Object> data, boolean duplicate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("timestamp", Instant.now().getEpochSecond());
        body.put("data", data);
        byte[] raw;
        try {
            raw = BitnovaPayJson.MAPPER.writeValueAsBytes(body);
        } catch (Exception e) {
            failed.incrementAndGet();
            return;
        }
        for (BitnovaPayState.Webhook webhook : state.webhooks()) {
            if (webhook.events().contains(event)) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("X-BitnovaPay-Signature", BitnovaPayWebhookVerifier.signatureFor(raw, webhook.secret()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
                deliver(request);
                if (duplicate) {
                    deliver(request);
                }
            }
        }
    }

    private void deliver(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status / 100 == 2 ? delivered : failed).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
        }
    }

    int delivered() {
        return delivered.get();
    }

    int failed() {
        return failed.get();
    }
}
