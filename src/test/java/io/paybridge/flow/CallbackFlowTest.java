package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.provider.bluepay.BluePayWebhookVerifier;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /callbacks/bluepay over real HTTP: only a correct signature over the exact bytes moves
 * the ledger; forged, tampered and unsigned callbacks get 401 and record nothing.
 */
class CallbackFlowTest extends FlowTestSupport {
    static final BluePayWebhookVerifier SIGNER = new BluePayWebhookVerifier(BluePaySimulator.Settings.defaults().apiSecret());

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of("paybridge.reconcile.interval-ms", "3600000"));
    }

    @BeforeEach
    void providerSendsNoCallbacksOfItsOwn() {
        bluePay.faults().dropCallbacks(true);
    }

    @Test
    void aCorrectlySignedCallbackSettlesThePaymentOnce() throws Exception {
        String id = pendingPayment("c-ok");
        String body = stkCallback(id, "mpesa.payment.received", "success");
        HttpResponse<String> first = callback(body, SIGNER.signatureFor(bytes(body)), "delivery-ok");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("applied");
        assertThat(app.ledger().find(id).orElseThrow().status().name()).isEqualTo("SUCCEEDED");
        long events = eventCount(id);
        HttpResponse<String> redelivered = callback(body, SIGNER.signatureFor(bytes(body)), "delivery-ok");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).contains("duplicate");
        String contradicting = stkCallback(id, "mpesa.payment.failed", "failed");
        assertThat(callback(contradicting, SIGNER.signatureFor(bytes(contradicting)), "delivery-late").body()).contains("unchanged");
        assertThat(eventCount(id)).isEqualTo(events);
        assertThat(app.ledger().find(id).orElseThrow().status().name()).isEqualTo("SUCCEEDED");
    }

    @Test
    void forgedTamperedAndUnsignedCallbacksAre401AndRecordNothing() throws Exception {
        String id = pendingPayment("c-forged");
        long before = eventCount(id);
        String body = stkCallback(id, "mpesa.payment.received", "success");
        String forged = new BluePayWebhookVerifier("not-the-secret").signatureFor(bytes(body));
        assertThat(callback(body, forged, "d1").statusCode()).isEqualTo(401);
        String tampered = body.replace("success", "failed");
        assertThat(callback(tampered, SIGNER.signatureFor(bytes(body)), "d2").statusCode()).isEqualTo(401);
        assertThat(post("/callbacks/bluepay", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(callback(body, "v1=nothex", "d3").statusCode()).isEqualTo(401);
        assertThat(app.ledger().find(id).orElseThrow().status().name()).isEqualTo("PENDING");
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void theRawBytesAreVerifiedWhateverTheContentType() throws Exception {
        String id = pendingPayment("c-form");
        String body = stkCallback(id, "mpesa.payment.received", "success");
        HttpResponse<String> answer = post("/callbacks/bluepay", body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-BluePay-Signature", SIGNER.signatureFor(bytes(body)), "Idempotency-Key", "d-form"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(app.ledger().find(id).orElseThrow().status().name()).isEqualTo("SUCCEEDED");
    }

    @Test
    void unknownProvidersAndPaymentsAreAnsweredWithoutRecordingAnything() throws Exception {
        assertThat(post("/callbacks/acme", "{}", Map.of()).statusCode()).isEqualTo(404);
        String body = stkCallback("no-such-payment", "mpesa.payment.received", "success");
        HttpResponse<String> answer = callback(body, SIGNER.signatureFor(bytes(body)), "d-unknown");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(app.ledger().find("no-such-payment")).isEmpty();
    }

    @Test
    void aSignedButUnreadableBodyIs400NotA500() throws Exception {
        String body = "not json at all";
        assertThat(callback(body, SIGNER.signatureFor(bytes(body)), "d-garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIs413AndNeverParsed() throws Exception {
        String huge = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";
        assertThat(callback(huge, SIGNER.signatureFor(bytes(huge)), "d-huge").statusCode()).isEqualTo(413);
    }

    private String pendingPayment(String id) throws Exception {
        assertThat(post("/payments", command(id, "COLLECTION", "100", "0712345678"), Map.of()).statusCode()).isEqualTo(202);
        awaitStatus(id, "PENDING");
        return id;
    }

    private static String stkCallback(String reference, String event, String status) {
        return "{\"event\":\"" + event + "\",\"api_version\":\"1\",\"livemode\":false,\"data\":{\"payment_id\":7,\"amount\":100,"
                + "\"mpesa_receipt_number\":\"QWE123\",\"account_reference\":\"" + reference + "\",\"checkout_request_id\":\"ws_CO_x\","
                + "\"status\":\"" + status + "\"}}";
    }

    private static HttpResponse<String> callback(String body, String signature, String deliveryKey) throws Exception {
        return post("/callbacks/bluepay", body, Map.of("X-BluePay-Signature", signature, "X-BluePay-Event", "mpesa.payment.received",
                "Idempotency-Key", deliveryKey));
    }

    private static long eventCount(String id) {
        return app.ledger().queries().eventCount(id);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
