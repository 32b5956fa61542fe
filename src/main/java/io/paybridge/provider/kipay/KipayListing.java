package io.paybridge.provider.kipay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string of Kipay's two listings, checked before sending: {@code transactions/list}
 * takes {@code page}, {@code limit}, {@code status} (pending, completed, failed),
 * {@code date_from} and {@code date_to} (YYYY-MM-DD); {@code customers/list} takes {@code page},
 * {@code limit} and {@code search}. An unknown parameter or bad value is refused by name.
 */
final class KipayListing {
    static final List<String> TRANSACTION_PARAMETERS = List.of("page", "limit", "status", "date_from", "date_to");
    static final List<String> CUSTOMER_PARAMETERS = List.of("page", "limit", "search");
    private static final Set<String> STATUSES = Set.of("pending", "completed", "failed");

    private KipayListing() {
    }

    static String transactions(Map<String, String> parameters) {
        return query("transactions", TRANSACTION_PARAMETERS, parameters);
    }

    static String customers(Map<String, String> parameters) {
        return query("customers", CUSTOMER_PARAMETERS, parameters);
    }

    private static String query(String what, List<String> allowed, Map<String, String> parameters) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("Kipay " + what + ": unknown parameter '" + name + "'; use " + String.join(", ", allowed));
            }
        }
        for (String name : allowed) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                check(what, name, value.trim());
                ordered.put(name, value.trim());
            }
        }
        StringBuilder out = new StringBuilder();
        ordered.forEach((k, v) -> out.append(out.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static void check(String what, String name, String value) {
        switch (name) {
            case "page", "limit" -> {
                if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1) {
                    throw new IllegalArgumentException("Kipay " + what + ": " + name + " must be a whole number from 1, not '" + value + "'");
                }
            }
            case "status" -> {
                if (!STATUSES.contains(value)) {
                    throw new IllegalArgumentException("Kipay " + what + ": status must be pending, completed or failed");
                }
            }
            case "date_from", "date_to" -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Kipay " + what + ": " + name + " must be YYYY-MM-DD, not '" + value + "'");
                }
            }
            default -> { } // search: free text
        }
    }
}
