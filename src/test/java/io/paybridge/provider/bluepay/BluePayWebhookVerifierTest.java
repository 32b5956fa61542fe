package io.paybridge.provider.bluepay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.provider.CallbackHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known-answer tests: HMAC-SHA256 over the raw body, key = API secret, header {@code v1=<hex>}. */
class BluePayWebhookVerifierTest {
    static final String SECRET = "YOUR_SECRET_API_KEY";
    static final byte[] BODY = "{\"event\":\"mpesa.payment.received\",\"data\":{\"account_reference\":\"INV-1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    /** Computed independently (Python hmac) for SECRET and BODY. */
    static final String EXPECTED = "3f16be9266fc432611ecd45d7661ffe9a4a2641f44c56a7396b2a52cfc9d8b4e";

    final BluePayWebhookVerifier verifier = new BluePayWebhookVerifier(SECRET);

    @Test
    void signsTheRawBytesAsDocumented() {
        assertThat(verifier.signatureFor(BODY)).isEqualTo("v1=" + EXPECTED);
    }

    @Test
    void acceptsTheKnownSignatureInEitherCase() {
        assertThat(verifier.verify(BODY, headers("v1=" + EXPECTED)).valid()).isTrue();
        assertThat(verifier.verify(BODY, headers("v1=" + EXPECTED.toUpperCase())).valid()).isTrue();
    }

    @Test
    void rejectsATamperedBodyEvenWhenOnlyWhitespaceChanged() {
        byte[] reformatted = "{\"event\": \"mpesa.payment.received\",\"data\":{\"account_reference\":\"INV-1\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(reformatted, headers("v1=" + EXPECTED)).failure()).isEqualTo("signature mismatch");
    }

    @Test
    void rejectsMissingAndMalformedHeadersWithoutThrowing() {
        assertThat(verifier.verify(BODY, new CallbackHeaders(Map.of())).failure()).contains("missing X-BluePay-Signature");
        assertThat(verifier.verify(BODY, headers(EXPECTED)).failure()).contains("malformed");
        assertThat(verifier.verify(BODY, headers("v1=zz")).failure()).contains("malformed");
        assertThat(verifier.verify(BODY, headers("v2=" + EXPECTED)).failure()).contains("malformed");
    }

    @Test
    void rejectsASignatureMadeWithAnotherKey() {
        String forged = new BluePayWebhookVerifier("someone-elses-secret").signatureFor(BODY);
        assertThat(verifier.verify(BODY, headers(forged)).valid()).isFalse();
    }

    @Test
    void headerLookupIgnoresCase() {
        assertThat(verifier.verify(BODY, new CallbackHeaders(Map.of("x-bluepay-signature", "v1=" + EXPECTED))).valid()).isTrue();
    }

    private static CallbackHeaders headers(String signature) {
        return new CallbackHeaders(Map.of("X-BluePay-Signature", signature));
    }
}
