package io.paybridge.provider.bitpesa;

import io.paybridge.crypto.HmacKey;
import io.paybridge.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * BitPesa's request authentication (NOTES.md): {@code Authorization-Key}, a fresh
 * {@code Authorization-Nonce} per request, and {@code Authorization-Signature} = lowercase hex
 * HMAC-SHA512 (API secret as UTF-8) over {@code nonce&METHOD&full URL&hex(SHA-512(body))}. The
 * URL is the full one, query included; a GET or DELETE hashes the empty body. Webhooks are signed
 * the same way over the receiver's own URL, which {@link BitPesaWebhookVerifier} checks.
 */
final class BitPesaAuth {
    static final String KEY = "Authorization-Key";
    static final String NONCE = "Authorization-Nonce";
    static final String SIGNATURE = "Authorization-Signature";

    private final String apiKey;
    private final HmacKey secret;
    private final Supplier<String> nonces;

    BitPesaAuth(String apiKey, String apiSecret) {
        this(apiKey, apiSecret, () -> UUID.randomUUID().toString());
    }

    BitPesaAuth(String apiKey, String apiSecret, Supplier<String> nonces) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("BitPesa needs paybridge.bitpesa.api-key");
        }
        this.apiKey = apiKey;
        this.secret = HmacKey.sha512(apiSecret);
        this.nonces = nonces;
    }

    /** Every header of one request, with a nonce never used before. */
    Map<String, String> headers(String method, String url, byte[] body) {
        String nonce = nonces.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        headers.put(KEY, apiKey);
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, signature(canonical(nonce, method, url, body)));
        return headers;
    }

    String signature(String canonical) {
        return secret.signHex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    boolean verify(String canonical, String hexSignature) {
        return secret.verifyHex(canonical.getBytes(StandardCharsets.UTF_8), hexSignature);
    }

    /** {@code nonce&METHOD&url&sha512hex(body)}. */
    static String canonical(String nonce, String method, String url, byte[] body) {
        return nonce + "&" + method.toUpperCase(java.util.Locale.ROOT) + "&" + url + "&" + bodyHash(body);
    }

    /** Lowercase hex SHA-512 of the exact body bytes (of nothing, for GET and DELETE). */
    static String bodyHash(byte[] body) {
        try {
            return Hex.encode(MessageDigest.getInstance("SHA-512").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
    }

    boolean isOwnKey(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
