package io.paybridge.sandbox.kipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JSON and code helpers shared by the Kipay simulator's classes. */
final class KipayJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KipayJson() {
    }

    static String text(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    /** Kipay accepts anything PHP's {@code is_numeric} does: numbers and numeric strings. */
    static BigDecimal number(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The "Missing required fields: a, b" check of Kipay's validator. */
    static void require(ObjectNode params, String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (text(params, name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new KipayError(400, "Missing required fields: " + String.join(", ", missing));
        }
    }

    static String digits(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(RANDOM.nextInt(10));
        }
        return out.toString();
    }

    /** The scripted fate of a payment, by its phone (STK) or email (checkout); see {@link KipaySimulator}. */
    enum Fate {
        SUCCEED, FAIL, NEVER_SETTLE;

        static Fate of(String who) {
            String w = who == null ? "" : who.toLowerCase(Locale.ROOT);
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
