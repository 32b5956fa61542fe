package io.paybridge.provider.bitlipa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the gateway signature, computed from the algorithm of NOTES.md by an
 * independent implementation (a few lines of Python walking the JSON in order with PHP's value
 * text), never from the document's example signatures, which are wrong (see the last tests).
 */
class BitlipaSignerTest {
    /** The secret printed in bitlipa.txt's own example. */
    static final String DOC_SECRET = "cf11635572c1e8d77297207152dc0791ad91f22b32d23c758ce3ba2637202ad8f7290ba41f2243cccf32edde1dfb8bf0f5dea62525309e293b3adb2c76eed6a5";
    private static final ObjectMapper JSON = Json.newMapper();
    private final BitlipaSigner signer = new BitlipaSigner(DOC_SECRET);

    @Test
    void documentPostDataWithIntegerAmount() throws Exception {
        JsonNode data = JSON.readTree("{\"merchant_id\":\"fffed61be9780b97c5e4c65e4e07bb6b\",\"provider_id\":14,"
                + "\"client_id\":\"080000000\",\"country\":\"KE\",\"order_id\":\"order_3444298767545\",\"amount\":1000,"
                + "\"currency\":\"KES\",\"callback_url\":\"https://my.callback.url\"}");
        assertThat(BitlipaSigner.canonical(data)).isEqualTo("merchant_idfffed61be9780b97c5e4c65e4e07bb6bprovider_id14"
                + "client_id080000000countryKEorder_idorder_3444298767545amount1000currencyKEScallback_urlhttps://my.callback.url");
        assertThat(signer.sign(data)).isEqualTo("2fea546a1b995eb5caad3133bf8d5fa6c81284417a1dc58c23605aa7a00a1236"
                + "60c23829b51aa3cfb9cc8153869fcf7d84d288b77713bb6956a89b2d425e88ba");
    }

    @Test
    void nestedExtraRecursesWithDottedPrefix() throws Exception {
        // The document's PHP listing returns $StringForSignature from the recursive branch (a typo):
        // it would drop these nested fields. NOTES.md wins: nested fields are signed.
        JsonNode data = JSON.readTree("{\"merchant_id\":\"e0fecd91fcb24f348048193b3fb34875ba3722b4\",\"customer_id\":\"254712345678\","
                + "\"order_id\":\"pay-001\",\"amount\":\"100.00\",\"currency\":\"KES\",\"country\":\"KE\",\"provider_id\":199,"
                + "\"extra\":{\"customer_name\":\"Jane Doe\",\"customer_doc_type\":\"national_id\",\"customer_doc_number\":\"12345678\"}}");
        assertThat(BitlipaSigner.canonical(data)).isEqualTo("merchant_ide0fecd91fcb24f348048193b3fb34875ba3722b4"
                + "customer_id254712345678order_idpay-001amount100.00currencyKEScountryKEprovider_id199"
                + "extra.customer_nameJane Doeextra.customer_doc_typenational_idextra.customer_doc_number12345678");
        assertThat(signer.sign(data)).isEqualTo("d275bcbbe4cb57f865fee9e29627e8a533b7ba0bbd55e88096109b63e8c3d7e0"
                + "209c5ff98c41ceecb501ddf1d36b37bbd87ba1b678bfb5eff1846a8f5532055e");
    }

    @Test
    void phpValueTextForBooleansNullsNumbersAndLists() throws Exception {
        JsonNode data = JSON.readTree("{\"order_id\":\"o-1\",\"flag\":true,\"off\":false,\"none\":null,\"count\":7,\"whole\":100.0,"
                + "\"price\":11.10,\"neg\":-1,\"list\":[\"a\",2,{\"k\":\"v\"}],\"extra\":{\"deep\":{\"x\":1,\"signature\":\"ignored\"}},"
                + "\"signature\":\"zzz\"}");
        assertThat(BitlipaSigner.canonical(data))
                .isEqualTo("order_ido-1flag1offnonecount7whole100price11.1neg-1list.0alist.12list.2.kvextra.deep.x1");
        assertThat(signer.sign(data)).isEqualTo("7dacedc1e0acc2e9854645473c38a56f192889d8ded8aadd741d254a49d92f64"
                + "39d4abfaf9b5c7d6dda91108247c44ad9b3ea61c5f4e069c9fe8597825fc9d29");
    }

    @Test
    void amountTextAndAmountNumberSignDifferently() throws Exception {
        assertThat(signer.sign(JSON.readTree("{\"amount\":\"100.00\"}"))).isEqualTo("9545afdb5bad9be7ef1fa6cb61ea6f219eb9504c9a9496b3"
                + "cc124af314d7780578c24a6923eceecab85fbf8ea29f33ee51d062c2f11ec0077dddccda3155acdd");
        assertThat(signer.sign(JSON.readTree("{\"amount\":100}"))).isEqualTo("93ca12fa884bf298ad970d1b30c2bcfdb76a13b332e04a61"
                + "3a837a1267de198df888ec26e44b5bf2a15fe09c5d82315d760328b09922bdd63e80095543afd8e8");
    }

    @Test
    void fieldOrderMatters() throws Exception {
        JsonNode ab = JSON.readTree("{\"a\":\"1\",\"b\":\"2\"}");
        JsonNode ba = JSON.readTree("{\"b\":\"2\",\"a\":\"1\"}");
        assertThat(signer.sign(ab)).isNotEqualTo(signer.sign(ba));
    }

    @Test
    void signedAppendsSignatureLastAndVerifies() {
        ObjectNode body = JSON.createObjectNode().put("merchant_id", "m").put("order_id", "o");
        body.putObject("extra").put("customer_name", "N");
        signer.signed(body);
        assertThat(body.fieldNames()).toIterable().containsExactly("merchant_id", "order_id", "extra", "signature");
        assertThat(signer.verify(body, body.get("signature").asText())).isTrue();
        assertThat(signer.verify(body, body.get("signature").asText().toUpperCase())).isTrue();
        body.put("order_id", "tampered");
        assertThat(signer.verify(body, body.get("signature").asText())).isFalse();
    }

    @Test
    void documentHostedPageExampleSignatureIsNotReproducible() {
        // bitlipa.txt prints 9826c5e8… for its hosted-page data and secret; NOTES.md: it cannot be reproduced.
        String canonical = "merchant_idfffed61be9780b97c5e4c65e4e07bb6border_idorder_3444298767545countryNGAcurrencyNGN"
                + "provider_id5008operationc2btypebank_transfercallback_urlhttps://my.callback.url";
        String computed = io.paybridge.crypto.HmacKey.sha512(DOC_SECRET)
                .signHex(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(computed).isEqualTo("57a6c97acf0c966b9fe7f36cd3cae1607116f95429d747919bc6d021d93f1cde"
                + "a4e4abff26a617cf4268e4e355c1793c8b5b468d57fd09c9744965b492e57afb");
        assertThat(computed).doesNotStartWith("9826c5e8");
    }

    @Test
    void documentPlaceholderSignatureMatchesNoExamplePayload() throws Exception {
        // d7d6d76b… is reused across unrelated payloads in bitlipa.txt: a placeholder, not a signature.
        String placeholder = "d7d6d76b0e22c6f9d369fa6c24f107053d12bfd24d3b154f2deb6676bf179c123134e1f20879c803be455d81cfe792f00"
                + "cd8892c26ce7cf5a05beebb9c80843e";
        JsonNode c2bExample = JSON.readTree("{\"merchant_id\":\"e0fecd91fcb24f348048193b3fb34875ba3722b4\",\"customer_id\":\"0900000001\","
                + "\"order_id\":\"16280954971628095497\",\"amount\":\"100.00\",\"currency\":\"CDF\",\"country\":\"KE\",\"provider_id\":14,"
                + "\"extra\":{\"customer_name\":\"Name Surname\"},\"signature\":\"" + placeholder + "\"}");
        JsonNode statusExample = JSON.readTree("{\"merchant_id\":\"e0fecd91fcb24f348048193b3fb34875ba3722b4\","
                + "\"order_id\":\"16280954971628095497\",\"signature\":\"" + placeholder + "\"}");
        assertThat(signer.verify(c2bExample, placeholder)).isFalse();
        assertThat(signer.verify(statusExample, placeholder)).isFalse();
    }
}
