package io.paybridge.sandbox.bitlipa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the gateway's callbacks: {@code order_id, transaction_id, status, customer_id,
 * provider_id, amount, …, signature} (NOTES.md), signed like requests over the fields in the
 * order sent. {@code service_version} goes as a JSON number with a trailing zero (11.10) so the
 * receiver must sign PHP's "11.1", as the real gateway's PHP would.
 */
final class BitlipaCallbackSender {
    private final BitlipaSimSignature signature;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    BitlipaCallbackSender(String secretKey) {
        this.signature = new BitlipaSimSignature(secretKey);
    }

    static ObjectNode body(BitlipaOrder order) {
        ObjectNode body = BitlipaAnswers.JSON.createObjectNode();
        body.put("order_id", order.orderId);
        body.put("transaction_id", order.transactionId);
        body.put("status", order.status);
        body.put("customer_id", order.customerId);
        body.put("provider_id", order.providerId);
        body.put("amount", order.amount.toPlainString());
        body.put("service_id", 12345);
        body.put("service_version", new BigDecimal("11.10"));
        BitlipaAnswers.result(body, 0, "OK");
        return body;
    }

    void send(BitlipaOrder order, boolean duplicate) {
        ObjectNode body = body(order);
        body.put("signature", signature.sign(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(order.callbackUrl)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        deliver(request);
        if (duplicate) {
            deliver(request);
        }
    }

    private void deliver(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status == 200 ? delivered : failed).incrementAndGet(); // the document: only HTTP 200 counts as received
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
}
