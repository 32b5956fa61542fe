package io.paybridge.provider.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BitPesa's public known-answer vector (NOTES.md) and the request headers built from it. */
class BitPesaAuthTest {
    static final String NONCE = "00c6a48a-ccb8-4653-a0c8-de7c1ab67529";
    static final String URL = "https://api-sandbox.bitpesa.co/v1/senders";
    static final String BODY_SHA512 = "947148915d2982f7897ab187fd851e854265883109935e5e8c7ba662232b2de1"
            + "5e92a298067687b5402319f0efebf0561d37fc4e73460c408f91c7e25bb66ae0";
    static final String SIGNATURE = "fc44e638c823b660e41f30ba78abe0e04f0dfc6b365e4a7129e44a181530146e"
            + "4b777940fe8948af6fee5133b7f85d46a3cdcab449b9559617e60e593b73853c";

    static byte[] vectorBody() throws Exception {
        try (InputStream in = BitPesaAuthTest.class.getResourceAsStream("/fixtures/bitpesa/known-answer-sender-body.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void knownAnswerVector() throws Exception {
        byte[] body = vectorBody();
        assertThat(body).hasSize(597);
        assertThat(BitPesaAuth.bodyHash(body)).isEqualTo(BODY_SHA512);
        String canonical = BitPesaAuth.canonical(NONCE, "POST", URL, body);
        assertThat(canonical).isEqualTo(NONCE + "&POST&" + URL + "&" + BODY_SHA512);
        BitPesaAuth auth = new BitPesaAuth("YOUR_API_KEY", "YOUR_API_SECRET", () -> NONCE);
        assertThat(auth.signature(canonical)).isEqualTo(SIGNATURE);
    }

    @Test
    void headersCarryKeyNonceAndSignature() throws Exception {
        BitPesaAuth auth = new BitPesaAuth("YOUR_API_KEY", "YOUR_API_SECRET", () -> NONCE);
        Map<String, String> headers = auth.headers("post", URL, vectorBody());
        assertThat(headers).containsEntry("Authorization-Key", "YOUR_API_KEY").containsEntry("Authorization-Nonce", NONCE)
                .containsEntry("Authorization-Signature", SIGNATURE).containsEntry("Content-Type", "application/json")
                .containsEntry("Accept", "application/json");
    }

    @Test
    void getHashesTheEmptyBodyAndCoversTheQuery() {
        String emptySha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        assertThat(BitPesaAuth.bodyHash(null)).isEqualTo(emptySha512);
        assertThat(BitPesaAuth.canonical("n", "GET", "https://h/v1/transactions?external_id=p-1", null))
                .isEqualTo("n&GET&https://h/v1/transactions?external_id=p-1&" + emptySha512);
    }

    @Test
    void everyRequestGetsAFreshNonce() {
        BitPesaAuth auth = new BitPesaAuth("k", "s");
        assertThat(auth.headers("GET", URL, null).get("Authorization-Nonce"))
                .isNotEqualTo(auth.headers("GET", URL, null).get("Authorization-Nonce"));
    }
}
