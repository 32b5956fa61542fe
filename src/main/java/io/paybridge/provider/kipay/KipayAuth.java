package io.paybridge.provider.kipay;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kipay's one credential: the API key in {@code X-API-Key} on every call (kipay.txt, Authentication). */
final class KipayAuth {
    private final String baseUrl;
    private final String apiKey;

    KipayAuth(KipaySettings settings) {
        this.baseUrl = settings.baseUrl();
        this.apiKey = settings.apiKey();
    }

    /** {@code base + /api/ + path}. */
    String url(String path) {
        return baseUrl + "/api/" + path;
    }

    Map<String, String> jsonHeaders() {
        Map<String, String> headers = getHeaders();
        headers.put("Content-Type", "application/json");
        return headers;
    }

    Map<String, String> getHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-API-Key", apiKey);
        headers.put("Accept", "application/json");
        return headers;
    }
}
