package io.paybridge.sandbox.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's side of the signature, written apart from the connector's signer on purpose: the
 * PHP function of bitlipa.txt with its typo fixed (NOTES.md), over a tree parsed in wire order.
 * Used to check incoming requests and to sign callbacks.
 */
final class BitlipaSimSignature {
    private final byte[] secret;

    BitlipaSimSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(JsonNode data) {
        StringBuilder text = new StringBuilder();
        walk(data, "", text);
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(JsonNode data, String given) {
        return given != null && MessageDigest.isEqual(sign(data).getBytes(StandardCharsets.UTF_8),
                given.toLowerCase().getBytes(StandardCharsets.UTF_8));
    }

    // foreach ($data as $key => $value): arrays recurse with "$prefix$key.", scalars append "$prefix$key$value"
    private static void walk(JsonNode data, String prefix, StringBuilder out) {
        if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                entry(String.valueOf(i), data.get(i), prefix, out);
            }
            return;
        }
        for (var it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            entry(e.getKey(), e.getValue(), prefix, out);
        }
    }

    private static void entry(String key, JsonNode value, String prefix, StringBuilder out) {
        if (value.isObject() || value.isArray()) {
            walk(value, prefix + key + ".", out);
        } else if (!key.equals("signature")) {
            out.append(prefix).append(key).append(php(value));
        }
    }

    /** PHP's (string) cast: true "1", false/null "", 100.0 "100", 11.10 "11.1". */
    private static String php(JsonNode v) {
        if (v.isNull()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "1" : "";
        }
        if (v.isFloatingPointNumber()) {
            BigDecimal d = v.decimalValue();
            if (d.signum() == 0) {
                return "0";
            }
            d = d.stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return v.asText();
    }
}
