package io.paybridge.provider.bluepay;

import io.paybridge.config.Settings;

/**
 * BluePay's configuration. {@code apiSecret} authenticates calls (Bearer) and is the key of
 * webhook signatures; {@code basicUsername}/{@code basicPassword} are used instead for calls when
 * both are set. {@code callbackUrl} is sent per request so callbacks reach this bundle.
 */
public record BluePaySettings(
        String baseUrl,
        String apiSecret,
        String basicUsername,
        String basicPassword,
        String channelId,
        String callbackUrl) {

    public BluePaySettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("paybridge.bluepay.base-url is required");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Reads {@code paybridge.bluepay.*}. */
    public static BluePaySettings from(Settings s) {
        String secret = s.secret("paybridge.bluepay.api-secret", "BLUEPAY_API_SECRET",
                "it authenticates calls and verifies BluePay's webhook signatures");
        return new BluePaySettings(s.text("paybridge.bluepay.base-url"), secret, s.optional("paybridge.bluepay.basic-username"),
                s.optional("paybridge.bluepay.basic-password"), s.optional("paybridge.bluepay.channel-id"),
                s.optional("paybridge.bluepay.callback-url"));
    }

    boolean hasCallbackUrl() {
        return callbackUrl != null && !callbackUrl.isBlank();
    }
}
