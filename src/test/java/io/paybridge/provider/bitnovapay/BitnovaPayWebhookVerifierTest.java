package io.paybridge.provider.bitnovapay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitnovaPayWebhookVerifierTest {
    static final String SECRET = "whsec_test_secret";
    /** The document's payload example, byte for byte; its timestamp is 1735689600 (2025-01-01T00:00:00Z). */
    static final byte[] BODY = Fixtures.bytes("bitnovapay/webhook_payment_success.json");
    /** {@code openssl dgst -sha256 -hmac whsec_test_secret -hex < webhook_payment_success.json}. */
    static final String KNOWN_SIGNATURE = "sha256=2c1920ced087be35ba69a83314dd52c5d97e3fb47dd679b2cc2af90dd0b4b3c5";
    static final Instant SENT = Instant.ofEpochSecond(1735689600);

    @Test
    void signsTheRawBodyExactlyAsTheDocumentSays() {
        // The signed "canonical string" is the raw body itself: no parsing, no re-serialising.
        assertThat(new String(BODY, StandardCharsets.UTF_8)).startsWith("{\n\"event\": \"payment.success\",\n\"timestamp\": 1735689600,");
        assertThat(BitnovaPayWebhookVerifier.signatureFor(BODY, SECRET)).isEqualTo(KNOWN_SIGNATURE);
        assertThat(verifier(SECRET, SENT.plusSeconds(30)).verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isTrue();
    }

    @Test
    void acceptsUppercaseHexAndSurroundingSpace() {
        String upper = "sha256=" + KNOWN_SIGNATURE.substring(7).toUpperCase();
        assertThat(verifier(SECRET, SENT).verify(BODY, headers(" " + upper + " ")).valid()).isTrue();
    }

    @Test
    void refusesTimestampsOutsideTheWindowInEitherDirection() {
        assertThat(verifier(SECRET, SENT.plusSeconds(300)).verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isTrue();
        assertThat(verifier(SECRET, SENT.minusSeconds(300)).verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isTrue();
        Verification stale = verifier(SECRET, SENT.plusSeconds(301)).verify(BODY, headers(KNOWN_SIGNATURE));
        assertThat(stale.valid()).isFalse();
        assertThat(stale.failure()).contains("301 s from now").contains("300 s replay window");
        assertThat(verifier(SECRET, SENT.minusSeconds(301)).verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isFalse();
    }

    @Test
    void theWindowIsConfigurable() {
        var wide = new BitnovaPayWebhookVerifier(SECRET, Duration.ofHours(1), Clock.fixed(SENT.plusSeconds(3000), ZoneOffset.UTC), Json.newMapper());
        assertThat(wide.verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isTrue();
    }

    @Test
    void refusesForgedTamperedMissingAndMalformedSignatures() {
        BitnovaPayWebhookVerifier v = verifier(SECRET, SENT);
        assertThat(v.verify(BODY, headers(BitnovaPayWebhookVerifier.signatureFor(BODY, "whsec_other"))).failure()).isEqualTo("signature mismatch");
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("2500", "25000").getBytes(StandardCharsets.UTF_8);
        assertThat(v.verify(tampered, headers(KNOWN_SIGNATURE)).failure()).isEqualTo("signature mismatch");
        assertThat(v.verify(BODY, new CallbackHeaders(Map.of())).failure()).isEqualTo("missing X-BitnovaPay-Signature");
        assertThat(v.verify(BODY, headers(KNOWN_SIGNATURE.substring(7))).failure()).contains("malformed");
        assertThat(v.verify(BODY, headers("v1=" + KNOWN_SIGNATURE.substring(7))).failure()).contains("malformed");
    }

    @Test
    void refusesASignedBodyWithoutATimestamp() {
        byte[] body = "{\"event\":\"payment.success\",\"data\":{\"reference\":\"X\"}}".getBytes(StandardCharsets.UTF_8);
        Verification v = verifier(SECRET, SENT).verify(body, headers(BitnovaPayWebhookVerifier.signatureFor(body, SECRET)));
        assertThat(v.failure()).isEqualTo("missing timestamp");
    }

    @Test
    void withNoSecretEverythingIsRefusedUntilRegistrationTeachesOne() {
        BitnovaPayWebhookVerifier v = verifier(null, SENT);
        assertThat(v.knowsASecret()).isFalse();
        assertThat(v.verify(BODY, headers(KNOWN_SIGNATURE)).failure()).contains("no BitnovaPay webhook secret known");
        v.learn(SECRET);
        assertThat(v.verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isTrue();
    }

    @Test
    void theConfiguredAndTheRegisteredSecretBothVerify() {
        BitnovaPayWebhookVerifier v = verifier("whsec_configured", SENT);
        v.learn(SECRET);
        assertThat(v.verify(BODY, headers(KNOWN_SIGNATURE)).valid()).isTrue();
        assertThat(v.verify(BODY, headers(BitnovaPayWebhookVerifier.signatureFor(BODY, "whsec_configured"))).valid()).isTrue();
    }

    static BitnovaPayWebhookVerifier verifier(String secret, Instant now) {
        return new BitnovaPayWebhookVerifier(secret, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC), Json.newMapper());
    }

    static CallbackHeaders headers(String signature) {
        return new CallbackHeaders(Map.of("x-bitnovapay-signature", signature));
    }
}
