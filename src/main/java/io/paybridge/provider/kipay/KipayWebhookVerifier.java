package io.paybridge.provider.kipay;

import io.paybridge.crypto.Hex;
import io.paybridge.crypto.HmacKey;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.provider.WebhookVerifier;

/**
 * {@code X-Kipay-Signature: <hex HMAC-SHA256(raw body, API secret)>} (NOTES.md: kipay.txt shows no
 * callback signature; Kipay's own merchant plugin expects this one), checked over the raw bytes
 * in constant time. An unsigned callback is refused: some Kipay code forwards bodies unsigned,
 * and an unsigned body proves nothing. Even a signed one is only a hint (see the connector).
 */
public final class KipayWebhookVerifier implements WebhookVerifier {
    static final String SIGNATURE_HEADER = "X-Kipay-Signature";

    private final HmacKey key;

    public KipayWebhookVerifier(String apiSecret) {
        this.key = HmacKey.sha256(apiSecret);
    }

    @Override
    public Verification verify(byte[] rawBody, CallbackHeaders headers) {
        String header = headers.get(SIGNATURE_HEADER);
        if (header == null || header.isBlank()) {
            return Verification.rejected("missing " + SIGNATURE_HEADER + " (unsigned Kipay callbacks are refused)");
        }
        byte[] given = Hex.decodeOrNull(header.trim(), "", 32);
        if (given == null) {
            return Verification.rejected("malformed " + SIGNATURE_HEADER + " (expected 64 hex characters)");
        }
        return key.verify(rawBody, given) ? Verification.ok() : Verification.rejected("signature mismatch");
    }

    /** The header value Kipay would send for these bytes; for simulators and tests. */
    public String signatureFor(byte[] rawBody) {
        return key.signHex(rawBody);
    }
}
