package io.paybridge.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC key ready to sign. {@code Mac.getInstance} and {@code init} cost more than the MAC
 * itself, so each thread keeps one initialised {@link Mac} and reuses it.
 */
public final class HmacKey {
    private final ThreadLocal<Mac> macs;

    private HmacKey(String algorithm, byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, algorithm);
        this.macs = ThreadLocal.withInitial(() -> newMac(algorithm, spec));
        macs.get(); // fail at start-up, not on the first payment, if the JDK lacks the algorithm
    }

    public static HmacKey sha256(String secret) {
        return new HmacKey("HmacSHA256", utf8(secret));
    }

    public static HmacKey sha512(String secret) {
        return new HmacKey("HmacSHA512", utf8(secret));
    }

    public byte[] sign(byte[] data) {
        return macs.get().doFinal(data);
    }

    public String signHex(byte[] data) {
        return Hex.encode(sign(data));
    }

    /** Constant-time check of a hex signature (either case) against {@code data}. */
    public boolean verifyHex(byte[] data, String hexSignature) {
        return verify(data, Hex.decodeOrNull(hexSignature));
    }

    /** Constant-time check of a signature's bytes against {@code data}; false for null. */
    public boolean verify(byte[] data, byte[] signature) {
        return signature != null && MessageDigest.isEqual(sign(data), signature);
    }

    private static byte[] utf8(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("HMAC secret is empty: configure it through the environment");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static Mac newMac(String algorithm, SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
