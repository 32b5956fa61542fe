package io.paybridge.sandbox.bluepay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Small JSON, text and clock helpers shared by the endpoint classes. */
final class BluePayJson {

    /** Answers are built as LinkedHashMaps so BigDecimal fees keep their scale ("25.00"). */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** BluePay is PHP/MySQL: STK timestamps look like "2026-04-19 09:48:00". */
    static final DateTimeFormatter PHP_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private BluePayJson() {
    }

    /** First non-blank scalar among the field and its aliases, trimmed; null when none. */
    static String text(ObjectNode params, String... names) {
        for (String name : names) {
            JsonNode node = params.get(name);
            if (node != null && node.isValueNode() && !node.isNull()) {
                String value = node.asText().trim();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }

    static boolean present(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank());
    }

    /**
     * A JSON number holding whole shillings within [min, max], or null. Strings are refused on
     * purpose: the document's examples send numbers, and a connector sending "100" should fail
     * loudly here rather than in production.
     */
    static Long wholeKes(JsonNode node, long min, long max) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        try {
            long value = node.decimalValue().longValueExact();
            return value >= min && value <= max ? value : null;
        } catch (ArithmeticException fractionOrOverflow) {
            return null;
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static LocalDateTime nairobiNow() {
        return LocalDateTime.now(NAIROBI).truncatedTo(ChronoUnit.SECONDS);
    }

    static OffsetDateTime nairobiOffsetNow() {
        return OffsetDateTime.now(NAIROBI).truncatedTo(ChronoUnit.SECONDS);
    }

    static String randomCode(String prefix, int totalLength) {
        StringBuilder out = new StringBuilder(prefix);
        while (out.length() < totalLength) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
