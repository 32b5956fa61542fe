package io.paybridge.sandbox.bitnovapay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/** JSON, phone and code helpers shared by the simulator's endpoint classes. */
final class BitnovaPayJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // The document: "07XXXXXXXX or 2547XXXXXXXX"; 01… and 2541… too (NOTES.md, M-Pesa conventions).
    private static final Pattern PHONE = Pattern.compile("(?:254|0)[17]\\d{8}");

    private BitnovaPayJson() {
    }

    static String text(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    /** A JSON number, or null (strings are refused: the document's examples send numbers). */
    static BigDecimal number(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    /** {@code 0712345678} / {@code 254712345678} → {@code 254712345678}; empty for anything else. */
    static Optional<String> msisdn(String raw) {
        if (raw == null || !PHONE.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of("254" + raw.substring(raw.length() - 9));
    }

    static BigDecimal kes(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static String code(String prefix, int length) {
        StringBuilder out = new StringBuilder(prefix);
        while (out.length() < length) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /** The scripted fate of a payment, by its phone, account or email (see {@link BitnovaPaySimulator}). */
    enum Fate {
        SUCCEED, FAIL, NEVER_SETTLE;

        static Fate of(String who) {
            if (who == null) {
                return SUCCEED;
            }
            String w = who.toLowerCase(java.util.Locale.ROOT);
            if (w.endsWith("999") || w.startsWith("fail")) {
                return FAIL;
            }
            if (w.endsWith("998") || w.startsWith("never")) {
                return NEVER_SETTLE;
            }
            return SUCCEED;
        }
    }
}
