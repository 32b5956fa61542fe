package io.paybridge.provider.kipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.provider.CallbackHeaders;
import io.paybridge.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KipayWebhookVerifierTest {
    static final String SECRET = "kp_test_secret";
    /** NOTES.md's callback body, byte for byte. */
    static final byte[] BODY = Fixtures.bytes("kipay/callback_charge_success.json");
    /** {@code openssl dgst -sha256 -hmac kp_test_secret -hex < callback_charge_success.json}. */
    static final String KNOWN = "787eceef10b2dd41c053178675f4db49eb7491c978b2fb2c9bda12062005c14a";

    final KipayWebhookVerifier verifier = new KipayWebhookVerifier(SECRET);

    @Test
    void signsTheRawBodyWithTheApiSecretAsBareHex() {
        assertThat(new String(BODY, StandardCharsets.UTF_8)).isEqualTo("{\"event\":\"charge.success\",\"data\":{\"reference\":\"MPESA12345678\"}}");
        assertThat(verifier.signatureFor(BODY)).isEqualTo(KNOWN);
        assertThat(verifier.verify(BODY, headers(KNOWN)).valid()).isTrue();
        assertThat(verifier.verify(BODY, headers(KNOWN.toUpperCase())).valid()).isTrue();
    }

    @Test
    void refusesUnsignedForgedTamperedAndMalformed() {
        assertThat(verifier.verify(BODY, new CallbackHeaders(Map.of())).failure()).contains("missing X-Kipay-Signature");
        assertThat(verifier.verify(BODY, headers(" ")).failure()).contains("missing X-Kipay-Signature");
        assertThat(verifier.verify(BODY, headers(new KipayWebhookVerifier("other").signatureFor(BODY))).failure()).isEqualTo("signature mismatch");
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("success", "failed").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(tampered, headers(KNOWN)).failure()).isEqualTo("signature mismatch");
        assertThat(verifier.verify(BODY, headers("sha256=" + KNOWN)).failure()).contains("malformed");
        assertThat(verifier.verify(BODY, headers(KNOWN.substring(2))).failure()).contains("malformed");
    }

    static CallbackHeaders headers(String signature) {
        return new CallbackHeaders(Map.of("x-kipay-signature", signature));
    }
}
