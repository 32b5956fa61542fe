package io.paybridge.provider.kipay;

import io.paybridge.config.Settings;
import java.util.Locale;

/**
 * Kipay's configuration. {@code apiKey} authenticates every call ({@code X-API-Key});
 * {@code apiSecret} is the key of callback signatures ({@code X-Kipay-Signature}, NOTES.md).
 * {@code mpesaChannelId} is the {@code payment_channel_id} of STK pushes and C2B,
 * {@code checkoutChannelId} that of hosted-checkout transactions; a collection channel with no id
 * configured is not offered. {@code defaultChannel} ({@code stk} or {@code checkout}) decides when
 * the command leaves the choice open ({@link KipayRules#channel}). The C2B URLs are what the
 * operator action {@code register-c2b-urls} registers when its body names none.
 */
public record KipaySettings(
        String baseUrl,
        String apiKey,
        String apiSecret,
        Long mpesaChannelId,
        Long checkoutChannelId,
        String defaultChannel,
        String c2bConfirmationUrl,
        String c2bValidationUrl) {

    public KipaySettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("paybridge.kipay.base-url is required");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        defaultChannel = defaultChannel == null || defaultChannel.isBlank() ? KipayRules.STK : defaultChannel.trim().toLowerCase(Locale.ROOT);
        if (!KipayRules.STK.equals(defaultChannel) && !KipayRules.CHECKOUT.equals(defaultChannel)) {
            throw new IllegalArgumentException("paybridge.kipay.default-channel must be 'stk' or 'checkout', not '" + defaultChannel + "'");
        }
    }

    /** Reads {@code paybridge.kipay.*}. */
    public static KipaySettings from(Settings s) {
        String key = s.secret("paybridge.kipay.api-key", "KIPAY_API_KEY", "it authenticates every Kipay call (X-API-Key)");
        String secret = s.secret("paybridge.kipay.api-secret", "KIPAY_API_SECRET", "it verifies Kipay's callback signatures");
        return new KipaySettings(s.text("paybridge.kipay.base-url"), key, secret,
                id(s, "paybridge.kipay.mpesa-channel-id"), id(s, "paybridge.kipay.checkout-channel-id"),
                s.optional("paybridge.kipay.default-channel"), s.optional("paybridge.kipay.c2b.confirmation-url"),
                s.optional("paybridge.kipay.c2b.validation-url"));
    }

    /** Never prints the key or the secret. */
    @Override
    public String toString() {
        return "KipaySettings[baseUrl=" + baseUrl + ", mpesaChannelId=" + mpesaChannelId + ", checkoutChannelId=" + checkoutChannelId
                + ", defaultChannel=" + defaultChannel + ", key and secret hidden]";
    }

    private static Long id(Settings s, String key) {
        String value = s.optional(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be Kipay's numeric payment_channel_id, not '" + value + "'");
        }
    }
}
