package io.paybridge.sandbox.kipay;

import io.paybridge.provider.kipay.KipayWebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers Kipay callbacks to the account's callback URL: {@code {"event": "charge.…", "data"}},
 * signed {@code X-Kipay-Signature: <hex HMAC-SHA256(raw body, API secret)>} as Kipay's merchant
 * plugin expects (NOTES.md), or unsigned when the fault says so. Never retried.
 */
final class KipayCallbackSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KipayWebhookVerifier signer;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    KipayCallbackSender(String apiSecret) {
        this.signer = new KipayWebhookVerifier(apiSecret);
    }

    void send(String url, Map<String, Object> body, boolean signed, boolean duplicate) {
        try {
            byte[] raw = KipayJson.MAPPER.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(raw));
            if (signed) {
                request.header("X-Kipay-Signature", signer.signatureFor(raw));
            }
            HttpRequest built = request.build();
            deliver(built);
            if (duplicate) {
                deliver(built);
            }
        } catch (Exception e) {
            failed.incrementAndGet();
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
