package io.paybridge.provider.bluepay;

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

    boolean hasCallbackUrl() {
        return callbackUrl != null && !callbackUrl.isBlank();
    }
}
