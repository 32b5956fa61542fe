package io.paybridge.provider.bitpesa;

import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.provider.WebhookVerifier;

/**
 * BitPesa webhooks carry the request headers: {@code Authorization-Key} (must be ours),
 * {@code Authorization-Nonce} and {@code Authorization-Signature}, signed over
 * {@code nonce&POST&<our public webhook URL>&sha512(raw body)}. The URL is configuration
 * ({@code paybridge.bitpesa.callback-public-url}), not the URL this process saw, because a proxy
 * in front rewrites scheme, host and port. Every compare is constant-time; a missing header or
 * URL is a rejection (401), never an exception.
 */
public final class BitPesaWebhookVerifier implements WebhookVerifier {
    private final BitPesaAuth auth;
    private final String publicUrl;

    BitPesaWebhookVerifier(BitPesaAuth auth, String publicUrl) {
        this.auth = auth;
        this.publicUrl = publicUrl;
    }

    @Override
    public Verification verify(byte[] rawBody, CallbackHeaders headers) {
        if (publicUrl == null) {
            return Verification.rejected("paybridge.bitpesa.callback-public-url is not configured; webhooks cannot be verified");
        }
        String key = headers.get(BitPesaAuth.KEY);
        String nonce = headers.get(BitPesaAuth.NONCE);
        String signature = headers.get(BitPesaAuth.SIGNATURE);
        if (key == null || nonce == null || signature == null) {
            return Verification.rejected("missing " + (key == null ? BitPesaAuth.KEY : nonce == null ? BitPesaAuth.NONCE
                    : BitPesaAuth.SIGNATURE));
        }
        boolean ownKey = auth.isOwnKey(key.trim());
        boolean signed = auth.verify(BitPesaAuth.canonical(nonce.trim(), "POST", publicUrl, rawBody), signature.trim());
        if (!ownKey) {
            return Verification.rejected("Authorization-Key is not this merchant's key");
        }
        return signed ? Verification.ok() : Verification.rejected("signature mismatch");
    }
}
