package io.paybridge.provider.bluepay;

import io.paybridge.crypto.Hex;
import io.paybridge.crypto.HmacKey;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.provider.WebhookVerifier;

/**
 * {@code X-BluePay-Signature: v1=<hex HMAC-SHA256(raw body, API secret)>}, checked over the raw
 * bytes in constant time before anything is parsed.
 */
public final class BluePayWebhookVerifier implements WebhookVerifier {
    static final String SIGNATURE_HEADER = "X-BluePay-Signature";

    private final HmacKey key;

    public BluePayWebhookVerifier(String apiSecret) {
        this.key = HmacKey.sha256(apiSecret);
    }

    @Override
    public Verification verify(byte[] rawBody, CallbackHeaders headers) {
        String header = headers.get(SIGNATURE_HEADER);
        if (header == null) {
            return Verification.rejected("missing " + SIGNATURE_HEADER);
        }
        byte[] given = Hex.decodeOrNull(header.trim(), "v1=", 32);
        if (given == null) {
            return Verification.rejected("malformed " + SIGNATURE_HEADER + " (expected v1=<64 hex>)");
        }
        return key.verify(rawBody, given) ? Verification.ok() : Verification.rejected("signature mismatch");
    }

    /** The header value BluePay would send for these bytes; used by the simulator and tests. */
    public String signatureFor(byte[] rawBody) {
        return "v1=" + key.signHex(rawBody);
    }
}
