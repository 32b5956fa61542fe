package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.crypto.HmacKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The gateway's signature (bitlipa.txt "signature", corrected by NOTES.md): walk the fields in
 * the order they are sent; a nested object or list recurses with prefix {@code "<prefix><key>."};
 * every other field except {@code signature} appends {@code "<prefix><key>" + value-as-PHP-text};
 * then lowercase hex HMAC-SHA512 keyed with the secret string as text.
 *
 * <p>The document's PHP listing returns {@code $StringForSignature} (capital S) from the
 * recursive branch, which would silently drop every nested field; NOTES.md says to recurse
 * properly, and {@code BitlipaSignerTest} pins that. The same walk signs our requests and checks
 * the gateway's callbacks, always over a tree read or built in wire order.
 */
public final class BitlipaSigner {
    static final String SIGNATURE = "signature";
    /** The PHP listing's own recursion guard. */
    private static final int MAX_DEPTH = 16;

    private final HmacKey key;

    public BitlipaSigner(String secret) {
        this.key = HmacKey.sha512(secret);
    }

    /** The text that is MAC'ed: every field but {@code signature}, in order, recursively. */
    public static String canonical(JsonNode payload) {
        StringBuilder out = new StringBuilder();
        append(out, payload, "", 0);
        return out.toString();
    }

    /** Lowercase hex HMAC-SHA512 of {@link #canonical}. */
    public String sign(JsonNode payload) {
        return key.signHex(canonical(payload).getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time check of a received signature (either hex case) against the payload. */
    public boolean verify(JsonNode payload, String signature) {
        return key.verifyHex(canonical(payload).getBytes(StandardCharsets.UTF_8), signature);
    }

    /** Signs {@code body} (built in wire order) and appends the {@code signature} field last, as the gateway expects. */
    public ObjectNode signed(ObjectNode body) {
        body.remove(SIGNATURE);
        body.put(SIGNATURE, sign(body));
        return body;
    }

    private static void append(StringBuilder out, JsonNode node, String prefix, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("gateway payload nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                appendField(out, field.getKey(), field.getValue(), prefix, depth);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                appendField(out, String.valueOf(i), node.get(i), prefix, depth);
            }
        }
    }

    private static void appendField(StringBuilder out, String key, JsonNode value, String prefix, int depth) {
        if (value.isContainerNode()) {
            // PHP's is_array() branch: recursion happens before the 'signature' test, as in the listing.
            append(out, value, prefix + key + ".", depth + 1);
        } else if (!SIGNATURE.equals(key)) {
            out.append(prefix).append(key).append(phpText(value));
        }
    }

    /**
     * A scalar as PHP's string conversion writes it: {@code true} → "1", {@code false} and
     * {@code null} → "", integers as digits, a float with no fraction as an integer
     * ({@code 100.0} → "100"), other floats without trailing zeros ({@code 11.10} → "11.1").
     */
    static String phpText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        return value.asText();
    }
}
