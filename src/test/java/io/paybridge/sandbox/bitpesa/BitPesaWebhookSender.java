package io.paybridge.sandbox.bitpesa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delivers BitPesa webhooks {@code {"webhook", "event", "object"}} with the request headers,
 * signed over {@code signedUrl}: the URL registered at BitPesa, which differs from the one
 * delivered to when a proxy sits in front of the receiver. A failed delivery is retried five
 * times (NOTES.md), each with a fresh nonce; nothing is thrown back to the settler. Deliveries
 * run on one background thread, in order, after the API call that caused them has answered.
 */
final class BitPesaWebhookSender {
    private static final int RETRIES = 5;

    private final String apiKey;
    private final String apiSecret;
    private final Supplier<String> deliverTo;
    private final Supplier<String> signedUrl;
    private final BitPesaFaults faults;
    private final String webhookId = UUID.randomUUID().toString();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final ScheduledExecutorService outbox = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bitpesa-sim-webhooks");
        t.setDaemon(true);
        return t;
    });

    BitPesaWebhookSender(String apiKey, String apiSecret, Supplier<String> deliverTo, Supplier<String> signedUrl, BitPesaFaults faults) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.deliverTo = deliverTo;
        this.signedUrl = signedUrl;
        this.faults = faults;
    }

    void transaction(String event, BitPesaSimTransaction tx) {
        send(event, tx.json());
    }

    void recipient(String event, BitPesaSimTransaction tx) {
        send(event, tx.recipientJson());
    }

    private void send(String event, ObjectNode object) {
        String url = deliverTo.get();
        if (url == null || faults.dropCallbacks()) {
            return;
        }
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        body.put("webhook", webhookId);
        body.put("event", event);
        body.set("object", object);
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        boolean duplicate = faults.duplicateCallbacks();
        // One thread in time order: a webhook held back (a late one) is delivered after later events.
        outbox.schedule(() -> {
            deliver(url, raw);
            if (duplicate) {
                deliver(url, raw);
            }
        }, faults.lateCallbackMillis(), TimeUnit.MILLISECONDS);
    }

    void close() {
        outbox.shutdownNow();
    }

    private void deliver(String url, byte[] raw) {
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            String nonce = UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization-Key", apiKey).header("Authorization-Nonce", nonce)
                    .header("Authorization-Signature", BitPesaSimCrypto.signature(apiSecret, nonce, "POST", signedUrl.get(), raw))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // retried below
            }
        }
        failed.incrementAndGet();
    }

    int deliveredCount() {
        return delivered.get();
    }

    int failedCount() {
        return failed.get();
    }
}
