package io.paybridge.provider.bitlipa;

import io.paybridge.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's configuration. {@code merchantId} goes in every body, {@code publicId} in every
 * path ({@code /{public_id}/payment_c2b}); {@code secretKey} signs requests and verifies callbacks.
 * {@code providerIds} pins the gateway provider id for a country's operator where the document
 * lists several ("check provider id with your manager"): keys {@code CC.operator}, e.g.
 * {@code KE.mpesa=347}.
 */
public record BitlipaSettings(
        String baseUrl,
        String publicId,
        String merchantId,
        String secretKey,
        String callbackUrl,
        Map<String, Integer> providerIds) {

    public BitlipaSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("paybridge.bitlipa.base-url is required");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        providerIds = Map.copyOf(providerIds);
    }

    /** Reads {@code paybridge.bitlipa.*}. */
    public static BitlipaSettings from(Settings s) {
        String secret = s.secret("paybridge.bitlipa.secret-key", "BITLIPA_SECRET_KEY",
                "it signs every gateway request and verifies the gateway's callbacks");
        String merchant = s.secret("paybridge.bitlipa.merchant-id", "BITLIPA_MERCHANT_ID", "every gateway request names the merchant");
        return new BitlipaSettings(s.text("paybridge.bitlipa.base-url"), s.text("paybridge.bitlipa.public-id"), merchant, secret,
                s.optional("paybridge.bitlipa.callback-url"), parseProviderIds(s.optional("paybridge.bitlipa.provider-ids")));
    }

    /** {@code "KE.mpesa=347, GH.mtn=2063"} → {@code {KE.mpesa: 347, GH.mtn: 2063}}; a malformed entry fails start-up. */
    static Map<String, Integer> parseProviderIds(String text) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] sides = trimmed.split("=");
            if (sides.length != 2 || !sides[0].trim().matches("[A-Z]{2}\\.[a-z0-9]+") || !sides[1].trim().matches("\\d+")) {
                throw new IllegalArgumentException("paybridge.bitlipa.provider-ids: '" + trimmed + "' is not CC.operator=id");
            }
            ids.put(sides[0].trim(), Integer.parseInt(sides[1].trim()));
        }
        return ids;
    }

    boolean hasCallbackUrl() {
        return callbackUrl != null && !callbackUrl.isBlank();
    }
}
