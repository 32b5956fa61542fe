package io.paybridge.bench.jmh;

import io.paybridge.crypto.HmacKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The signer every provider shares ({@link HmacKey}: BluePay, BitnovaPay and Kipay all sign with
 * HMAC-SHA256, and none signs its requests, so this is the only signer) against its bare-JDK twin:
 * one {@link Mac} created and initialised once, {@code doFinal} over the same bytes. Target: the
 * {@code paybridge*} score ≤ 1.1× its {@code jdk*} twin.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HmacSigningBench {
    static final String SECRET = "bench-secret-0123456789abcdef";

    /** Body length in bytes: a provider callback is a few hundred; 4 KiB is a large one. */
    @Param({"256", "4096"})
    int size;

    byte[] body;
    HmacKey sha256;
    HmacKey sha512;
    Mac bare256;
    Mac bare512;

    @Setup
    public void setUp() throws GeneralSecurityException {
        body = new byte[size];
        new Random(42).nextBytes(body);
        sha256 = HmacKey.sha256(SECRET);
        sha512 = HmacKey.sha512(SECRET);
        bare256 = bareMac("HmacSHA256");
        bare512 = bareMac("HmacSHA512");
    }

    static Mac bareMac(String algorithm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac;
    }

    @Benchmark
    public byte[] paybridgeSha256() {
        return sha256.sign(body);
    }

    @Benchmark
    public byte[] jdkSha256() {
        return bare256.doFinal(body);
    }

    @Benchmark
    public String paybridgeSha256Hex() {
        return sha256.signHex(body);
    }

    @Benchmark
    public String jdkSha256Hex() {
        return HexFormat.of().formatHex(bare256.doFinal(body));
    }

    @Benchmark
    public byte[] paybridgeSha512() {
        return sha512.sign(body);
    }

    @Benchmark
    public byte[] jdkSha512() {
        return bare512.doFinal(body);
    }
}
