package io.paybridge.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.Json;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.Verification;
import io.paybridge.provider.bitnovapay.BitnovaPayWebhookVerifier;
import io.paybridge.provider.bluepay.BluePayWebhookVerifier;
import io.paybridge.provider.kipay.KipayWebhookVerifier;
import io.paybridge.testing.Fixtures;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each provider's webhook verifier over its own documented callback, against a hand-written twin
 * doing the same checks with bare JDK parts: read the header, strip its prefix, decode the hex,
 * {@code doFinal} on a ready {@link Mac}, {@link MessageDigest#isEqual}; for BitnovaPay also the
 * replay-window check on the signed body's timestamp. Setup fails if any signature is refused, so
 * a bench can never time a fast rejection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookVerifierBench {
    static final String SECRET = HmacSigningBench.SECRET;
    static final Instant NOW = Instant.ofEpochSecond(1735689600); // the BitnovaPay fixture's timestamp

    final ObjectMapper json = Json.newMapper();
    Mac bare;

    byte[] bluePayBody;
    Map<String, String> bluePayRaw;
    CallbackHeaders bluePayHeaders;
    BluePayWebhookVerifier bluePay;

    byte[] bitnovaBody;
    Map<String, String> bitnovaRaw;
    CallbackHeaders bitnovaHeaders;
    BitnovaPayWebhookVerifier bitnova;

    byte[] kipayBody;
    Map<String, String> kipayRaw;
    CallbackHeaders kipayHeaders;
    KipayWebhookVerifier kipay;

    @Setup
    public void setUp() throws GeneralSecurityException {
        bare = HmacSigningBench.bareMac("HmacSHA256");

        bluePay = new BluePayWebhookVerifier(SECRET);
        bluePayBody = Fixtures.bytes("bluepay/callback-b2c-success.json");
        bluePayRaw = Map.of("X-BluePay-Signature", bluePay.signatureFor(bluePayBody));
        bluePayHeaders = new CallbackHeaders(bluePayRaw);

        bitnova = new BitnovaPayWebhookVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), json);
        bitnovaBody = Fixtures.bytes("bitnovapay/webhook_payment_success.json");
        bitnovaRaw = Map.of("X-BitnovaPay-Signature", BitnovaPayWebhookVerifier.signatureFor(bitnovaBody, SECRET));
        bitnovaHeaders = new CallbackHeaders(bitnovaRaw);

        kipay = new KipayWebhookVerifier(SECRET);
        kipayBody = Fixtures.bytes("kipay/callback_charge_success.json");
        kipayRaw = Map.of("X-Kipay-Signature", kipay.signatureFor(kipayBody));
        kipayHeaders = new CallbackHeaders(kipayRaw);

        if (!bluePay() || !twinBluePay() || !bitnovaPay() || !twinBitnovaPay() || !kipay() || !twinKipay()) {
            throw new IllegalStateException("a verifier refused a genuine callback: the bench would time a rejection");
        }
    }

    @Benchmark
    public boolean bluePay() {
        return bluePay.verify(bluePayBody, bluePayHeaders).valid();
    }

    @Benchmark
    public boolean twinBluePay() {
        return hmacMatches(bluePayBody, bluePayRaw.get("X-BluePay-Signature"), "v1=");
    }

    @Benchmark
    public boolean bitnovaPay() {
        return bitnova.verify(bitnovaBody, bitnovaHeaders).valid();
    }

    @Benchmark
    public boolean twinBitnovaPay() {
        if (!hmacMatches(bitnovaBody, bitnovaRaw.get("X-BitnovaPay-Signature"), "sha256=")) {
            return false;
        }
        try {
            JsonNode timestamp = json.readTree(bitnovaBody).get("timestamp");
            return timestamp != null && Math.abs(NOW.getEpochSecond() - timestamp.asLong()) <= 300;
        } catch (IOException e) {
            return false;
        }
    }

    @Benchmark
    public boolean kipay() {
        return kipay.verify(kipayBody, kipayHeaders).valid();
    }

    @Benchmark
    public boolean twinKipay() {
        return hmacMatches(kipayBody, kipayRaw.get("X-Kipay-Signature"), "");
    }

    private boolean hmacMatches(byte[] body, String header, String prefix) {
        if (header == null || !header.startsWith(prefix) || header.length() != prefix.length() + 64) {
            return false;
        }
        byte[] given = HexFormat.of().parseHex(header, prefix.length(), header.length());
        return MessageDigest.isEqual(bare.doFinal(body), given);
    }
}
