package io.paybridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature-header decoding every webhook verifier relies on (it replaced their regexes). */
class HexTest {
    static final String LOWER = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Test
    void decodesEitherCaseAfterThePrefix() {
        byte[] lower = Hex.decodeOrNull("v1=" + LOWER, "v1=", 32);
        assertThat(lower).hasSize(32).startsWith((byte) 0x0a, (byte) 0x1b);
        assertThat(Hex.decodeOrNull("v1=" + LOWER.toUpperCase(), "v1=", 32)).isEqualTo(lower);
        assertThat(Hex.decodeOrNull(LOWER, "", 32)).isEqualTo(lower);
        assertThat(Hex.encode(lower)).isEqualTo(LOWER);
    }

    @Test
    void refusesAnythingButThePrefixAndExactlyThatMuchHex() {
        assertThat(Hex.decodeOrNull(null, "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull(LOWER, "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull("v2=" + LOWER, "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull("v1=" + LOWER + "00", "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull("v1=" + LOWER.substring(2), "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull("v1=" + LOWER.substring(1) + "g", "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull("v1=" + LOWER.substring(1) + "\u0663", "v1=", 32)).isNull(); // an Arabic-Indic three
        assertThat(Hex.decodeOrNull("v1=" + LOWER.substring(1) + "+", "v1=", 32)).isNull();
        assertThat(Hex.decodeOrNull("abc")).isNull();
    }

    @Test
    void verifiesBytesInConstantTimeAndRefusesNull() {
        HmacKey key = HmacKey.sha256("secret");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(body);
        assertThat(key.verify(body, signature)).isTrue();
        assertThat(key.verify(body, null)).isFalse();
        signature[0] ^= 1;
        assertThat(key.verify(body, signature)).isFalse();
        assertThat(key.verifyHex(body, key.signHex(body).toUpperCase())).isTrue();
    }
}
