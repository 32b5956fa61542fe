package io.paybridge.sandbox.bitpesa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * BitPesa's request and webhook signature as the provider computes it (NOTES.md), written apart
 * from the connector's code: hex HMAC-SHA512 over {@code nonce&METHOD&url&hex(SHA-512(body))}.
 */
final class BitPesaSimCrypto {
    private BitPesaSimCrypto() {
    }

    static String signature(String secret, String nonce, String method, String url, byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body == null ? new byte[0] : body));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            String text = nonce + "&" + method + "&" + url + "&" + bodyHash;
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
