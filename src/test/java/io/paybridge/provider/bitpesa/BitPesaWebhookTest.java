package io.paybridge.provider.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.Verification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook headers verified over our public URL, key checked, every failure a rejection; then the events read. */
class BitPesaWebhookTest {
    static final String PUBLIC_URL = "https://pay.example/callbacks/bitpesa";
    private final BitPesaAuth auth = new BitPesaAuth("key-1", "secret-1");
    private final BitPesaWebhookVerifier verifier = new BitPesaWebhookVerifier(auth, PUBLIC_URL);
    private final BitPesaCallbackReader reader = new BitPesaCallbackReader(Json.newMapper());
    private final byte[] body = BitPesaFixtures.bytes("webhook-transaction-paid_out.json");

    /** What BitPesa sends: the request headers, signed over the URL it was told to call. */
    static Map<String, String> signed(String key, String secret, String url, byte[] body) {
        return new HashMap<>(new BitPesaAuth(key, secret).headers("POST", url, body));
    }

    @Test
    void genuineWebhookVerifiesWhateverUrlTheProxyForwardedTo() {
        Verification v = verifier.verify(body, new CallbackHeaders(signed("key-1", "secret-1", PUBLIC_URL, body)));
        assertThat(v.valid()).isTrue();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> lower = new HashMap<>();
        signed("key-1", "secret-1", PUBLIC_URL, body).forEach((k, v) -> lower.put(k.toLowerCase(), v));
        assertThat(verifier.verify(body, new CallbackHeaders(lower)).valid()).isTrue();
    }

    @Test
    void forgeriesAreRejected() {
        assertThat(verifier.verify(body, new CallbackHeaders(signed("key-1", "wrong-secret", PUBLIC_URL, body))).failure())
                .isEqualTo("signature mismatch");
        assertThat(verifier.verify(body, new CallbackHeaders(signed("key-2", "secret-1", PUBLIC_URL, body))).failure())
                .isEqualTo("Authorization-Key is not this merchant's key");
        assertThat(verifier.verify(body, new CallbackHeaders(signed("key-1", "secret-1", "http://10.0.0.5:8080/callbacks/bitpesa", body)))
                .valid()).as("signed over another URL").isFalse();
        Map<String, String> headers = signed("key-1", "secret-1", PUBLIC_URL, body);
        byte[] tampered = new String(body).replace("\"paid\"", "\"paid \"").getBytes();
        assertThat(verifier.verify(tampered, new CallbackHeaders(headers)).valid()).isFalse();
    }

    @Test
    void missingHeadersAreRejectionsNotExceptions() {
        for (String header : new String[] {"Authorization-Key", "Authorization-Nonce", "Authorization-Signature"}) {
            Map<String, String> headers = signed("key-1", "secret-1", PUBLIC_URL, body);
            headers.remove(header);
            assertThat(verifier.verify(body, new CallbackHeaders(headers)).failure()).isEqualTo("missing " + header);
        }
        assertThat(verifier.verify(null, new CallbackHeaders(Map.of())).valid()).isFalse();
        Map<String, String> badHex = signed("key-1", "secret-1", PUBLIC_URL, body);
        badHex.put("Authorization-Signature", "zz");
        assertThat(verifier.verify(body, new CallbackHeaders(badHex)).valid()).isFalse();
    }

    @Test
    void withoutAConfiguredPublicUrlNothingIsAccepted() {
        BitPesaWebhookVerifier unconfigured = new BitPesaWebhookVerifier(auth, null);
        assertThat(unconfigured.verify(body, new CallbackHeaders(signed("key-1", "secret-1", PUBLIC_URL, body))).failure())
                .contains("callback-public-url");
    }

    @Test
    void transactionEventsApplyDirectly() {
        CallbackUpdate update = reader.read(body);
        assertThat(update.paymentId()).isEqualTo("pay-1");
        assertThat(update.confirm()).isFalse();
        assertThat(update.outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(update.deliveryKey()).isEqualTo("transaction.paid_out:b6648ba3-1c7b-4f59-8580-684899c84a07:paid");
    }

    @Test
    void refundsAndRecipientEventsAreConfirmedThroughTheStatusApi() {
        CallbackUpdate refund = reader.read(BitPesaFixtures.bytes("webhook-transaction-refunded.json"));
        assertThat(refund.confirm()).isTrue();
        assertThat(refund.paymentId()).isEqualTo("pay-1");
        CallbackUpdate recipient = reader.read(BitPesaFixtures.bytes("webhook-recipient-error.json"));
        assertThat(recipient.confirm()).isTrue();
        assertThat(recipient.paymentId()).isEqualTo("pay-1");
        assertThat(recipient.outcome().providerReference()).isEqualTo("b6648ba3-1c7b-4f59-8580-684899c84a07");
    }

    @Test
    void transactionEventsWithTheRecipientInErrorAreConfirmedSoACancelCanFollow() {
        CallbackUpdate update = reader.read(BitPesaFixtures.bytes("webhook-transaction-error-recipient-error.json"));
        assertThat(update.confirm()).isTrue();
        assertThat(update.paymentId()).isEqualTo("pay-1");
        assertThat(update.outcome().reason().providerCode()).isEqualTo("recipient:error");
    }

    @Test
    void senderEventsConcernNoPayment() {
        assertThat(reader.read(BitPesaFixtures.bytes("webhook-sender-approved.json")).outcome()).isNull();
    }
}
