package io.paybridge.provider.bitnovapay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BitnovaPay's two namespaces, each with its own Bearer key: personal ({@code /api/v1/},
 * {@code pk_…}) and business ({@code /api/v2/}, {@code bsk_…}). Keeping the pairing in one place
 * means a request can never go to one namespace with the other's key.
 */
final class BitnovaPayAuth {
    enum Namespace {
        PERSONAL("/api/v1/"), BUSINESS("/api/v2/");

        private final String path;

        Namespace(String path) {
            this.path = path;
        }
    }

    private final String baseUrl;
    private final String personal;
    private final String business;

    BitnovaPayAuth(BitnovaPaySettings settings) {
        this.baseUrl = settings.baseUrl();
        this.personal = "Bearer " + settings.personalKey();
        this.business = "Bearer " + settings.businessKey();
    }

    /** {@code base + /api/v1/ + path} (or v2). */
    String url(Namespace namespace, String path) {
        return baseUrl + namespace.path + path;
    }

    Map<String, String> jsonHeaders(Namespace namespace) {
        Map<String, String> headers = getHeaders(namespace);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    Map<String, String> getHeaders(Namespace namespace) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", namespace == Namespace.PERSONAL ? personal : business);
        headers.put("Accept", "application/json");
        return headers;
    }
}
