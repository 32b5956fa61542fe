package io.paybridge.provider.kipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.provider.ProviderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * Kipay operations an operator runs by hand ({@code POST /admin/providers/kipay/<action>}),
 * never the bundle: {@code register-c2b-urls} (body optional:
 * {@code {"confirmation_url", "validation_url"}}, defaulting to {@code paybridge.kipay.c2b.*})
 * and the sandbox-only {@code simulate-c2b} ({@code {"amount", "phone_number", "reference"}}).
 * Both use the configured M-Pesa channel.
 */
final class KipayOperatorActions {
    private final KipayRequests requests;
    private final KipaySettings settings;
    private final ObjectMapper json;

    KipayOperatorActions(KipayRequests requests, KipaySettings settings, ObjectMapper json) {
        this.requests = requests;
        this.settings = settings;
        this.json = json;
    }

    Map<String, Function<byte[], ProviderRequest>> all() {
        return Map.of("register-c2b-urls", this::registerC2bUrls, "simulate-c2b", this::simulateC2b);
    }

    ProviderRequest registerC2bUrls(byte[] body) {
        JsonNode given = object(body);
        requireChannel();
        String confirmation = text(given, "confirmation_url", settings.c2bConfirmationUrl());
        String validation = text(given, "validation_url", settings.c2bValidationUrl());
        return requests.registerC2bUrls(url("confirmation_url", confirmation), url("validation_url", validation));
    }

    ProviderRequest simulateC2b(byte[] body) {
        JsonNode given = object(body);
        requireChannel();
        JsonNode amount = given.get("amount");
        if (amount == null || !amount.isNumber() || amount.decimalValue().signum() <= 0) {
            throw new IllegalArgumentException("amount must be a positive number of KES");
        }
        BigDecimal kes = amount.decimalValue();
        if (kes.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("amount must be whole shillings (M-Pesa)");
        }
        String phone = text(given, "phone_number", null);
        if (phone == null || !phone.matches("254[17]\\d{8}")) {
            throw new IllegalArgumentException("phone_number must be 254XXXXXXXXX (a Kenyan mobile number)");
        }
        String reference = text(given, "reference", null);
        if (reference == null) {
            throw new IllegalArgumentException("reference is required");
        }
        return requests.simulateC2b(KipayRules.wireAmount(kes), phone, reference);
    }

    private void requireChannel() {
        if (settings.mpesaChannelId() == null) {
            throw new IllegalArgumentException("paybridge.kipay.mpesa-channel-id is not configured");
        }
    }

    private JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException unreadable) {
            // answered below
        }
        throw new IllegalArgumentException("the body must be a JSON object");
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : fallback;
    }

    private static String url(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required (in the body or paybridge.kipay.c2b.*)");
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException notAUri) {
            // answered below
        }
        throw new IllegalArgumentException(field + " must be an absolute http(s) URL");
    }
}
