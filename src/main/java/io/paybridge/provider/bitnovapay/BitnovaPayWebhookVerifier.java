package io.paybridge.provider.bitnovapay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.crypto.Hex;
import io.paybridge.crypto.HmacKey;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.provider.WebhookVerifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code X-BitnovaPay-Signature: sha256=<hex HMAC-SHA256(raw body, webhook secret)>}, checked
 * over the raw bytes in constant time; then the signed body's {@code timestamp} (Unix seconds)
 * must lie within the replay window of now, in either direction, so a captured callback cannot
 * be played again later.
 *
 * <p>The secret is the one webhook registration returns (learnt at run time, kept only in
 * memory) or one configured in advance; either verifies, so a secret rotated by registration
 * does not reject callbacks still signed with the configured one. With no secret at all, every
 * callback is refused.
 */
public final class BitnovaPayWebhookVerifier implements WebhookVerifier {
    static final String SIGNATURE_HEADER = "X-BitnovaPay-Signature";

    private final HmacKey configured;
    private volatile HmacKey learnt;
    private final Duration window;
    private final Clock clock;
    private final ObjectMapper json;

    public BitnovaPayWebhookVerifier(String configuredSecret, Duration window, Clock clock, ObjectMapper json) {
        this.configured = configuredSecret == null || configuredSecret.isBlank() ? null : HmacKey.sha256(configuredSecret);
        this.window = window;
        this.clock = clock;
        this.json = json;
    }

    /** Keeps the secret webhook registration returned; replaces any earlier one. */
    void learn(String secret) {
        learnt = HmacKey.sha256(secret);
    }

    boolean knowsASecret() {
        return configured != null || learnt != null;
    }

    @Override
    public Verification verify(byte[] rawBody, CallbackHeaders headers) {
        String header = headers.get(SIGNATURE_HEADER);
        if (header == null) {
            return Verification.rejected("missing " + SIGNATURE_HEADER);
        }
        byte[] given = Hex.decodeOrNull(header.trim(), "sha256=", 32);
        if (given == null) {
            return Verification.rejected("malformed " + SIGNATURE_HEADER + " (expected sha256=<64 hex>)");
        }
        HmacKey registered = learnt;
        if (configured == null && registered == null) {
            return Verification.rejected("no BitnovaPay webhook secret known yet (registration pending or failed)");
        }
        boolean genuine = configured != null && configured.verify(rawBody, given)
                || registered != null && registered.verify(rawBody, given);
        return genuine ? fresh(rawBody) : Verification.rejected("signature mismatch");
    }

    private Verification fresh(byte[] rawBody) {
        JsonNode timestamp;
        try {
            timestamp = json.readTree(rawBody).get("timestamp");
        } catch (IOException | RuntimeException unreadable) {
            return Verification.rejected("signed body is not JSON");
        }
        if (timestamp == null || !timestamp.canConvertToLong()) {
            return Verification.rejected("missing timestamp");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp.asLong());
        if (skew > window.toSeconds()) {
            return Verification.rejected("timestamp " + skew + " s from now, outside the " + window.toSeconds() + " s replay window");
        }
        return Verification.ok();
    }

    /** The header value BitnovaPay would send for these bytes with {@code secret}; for simulators and tests. */
    public static String signatureFor(byte[] rawBody, String secret) {
        return "sha256=" + HmacKey.sha256(secret).signHex(rawBody);
    }
}
