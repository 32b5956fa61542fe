package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.provider.WebhookVerifier;
import java.io.IOException;

/**
 * The gateway signs callbacks like requests: a {@code signature} field in the body over every
 * other field in the order sent. So the raw bytes are parsed into an order-keeping tree
 * (Jackson's {@code ObjectNode} keeps document order; numbers keep their JSON form) and the
 * signature is recomputed from that tree, never from a re-serialised copy, then compared in
 * constant time. Anything that is not such a JSON object is rejected, never thrown.
 */
public final class BitlipaWebhookVerifier implements WebhookVerifier {
    private final BitlipaSigner signer;
    private final ObjectMapper json;

    public BitlipaWebhookVerifier(BitlipaSigner signer, ObjectMapper json) {
        this.signer = signer;
        this.json = json;
    }

    @Override
    public Verification verify(byte[] rawBody, CallbackHeaders headers) {
        JsonNode payload;
        try {
            payload = rawBody == null || rawBody.length == 0 ? null : json.readTree(rawBody);
        } catch (IOException notJson) {
            return Verification.rejected("callback body is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            return Verification.rejected("callback body is not a JSON object");
        }
        JsonNode signature = payload.get(BitlipaSigner.SIGNATURE);
        if (signature == null || !signature.isTextual() || signature.asText().isBlank()) {
            return Verification.rejected("missing signature field");
        }
        return signer.verify(payload, signature.asText().trim()) ? Verification.ok() : Verification.rejected("signature mismatch");
    }
}
