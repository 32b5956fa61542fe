package io.paybridge.provider.bluepay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request headers BluePay wants: one auth method per request (the document's advice),
 * Basic when a named credential is configured, else Bearer with the API secret.
 */
final class BluePayAuth {
    private final String authorization;

    BluePayAuth(BluePaySettings settings) {
        if (notBlank(settings.basicUsername()) && notBlank(settings.basicPassword())) {
            String pair = settings.basicUsername() + ":" + settings.basicPassword();
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        } else if (notBlank(settings.apiSecret())) {
            this.authorization = "Bearer " + settings.apiSecret();
        } else {
            throw new IllegalArgumentException("BluePay needs paybridge.bluepay.api-secret (or Basic credentials)");
        }
    }

    Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return headers;
    }

    Map<String, String> getHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", "application/json");
        return headers;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
