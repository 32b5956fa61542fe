package io.paybridge.provider.bitpesa;

import io.paybridge.config.Settings;

/**
 * BitPesa's configuration. {@code apiKey}/{@code apiSecret} sign every request and verify
 * webhooks. {@code callbackPublicUrl} is the webhook URL exactly as registered at BitPesa (the
 * signature covers it; a proxy may sit in front of this bundle, so it cannot be guessed from the
 * request). {@code inputCurrency} is the balance currency that funds payouts (default: the payout's
 * own currency). {@code fundFromBalance} funds each new transaction through {@code accounts/debits}.
 * {@code defaultSenderExternalId} names the merchant's own, already approved sender, used when a
 * command carries no {@code metadata.sender}.
 */
public record BitPesaSettings(
        String baseUrl,
        String apiKey,
        String apiSecret,
        String callbackPublicUrl,
        String inputCurrency,
        boolean fundFromBalance,
        String defaultSenderExternalId) {

    public BitPesaSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("paybridge.bitpesa.base-url is required");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        inputCurrency = blank(inputCurrency) ? null : inputCurrency.trim();
        defaultSenderExternalId = blank(defaultSenderExternalId) ? null : defaultSenderExternalId.trim();
        callbackPublicUrl = blank(callbackPublicUrl) ? null : callbackPublicUrl.trim();
    }

    /** Reads {@code paybridge.bitpesa.*}. */
    public static BitPesaSettings from(Settings s) {
        String key = s.secret("paybridge.bitpesa.api-key", "BITPESA_API_KEY", "it identifies every BitPesa request and webhook");
        String secret = s.secret("paybridge.bitpesa.api-secret", "BITPESA_API_SECRET",
                "it signs every BitPesa request and verifies BitPesa's webhooks");
        String fund = s.optional("paybridge.bitpesa.fund-from-balance");
        return new BitPesaSettings(s.text("paybridge.bitpesa.base-url"), key, secret, s.optional("paybridge.bitpesa.callback-public-url"),
                s.optional("paybridge.bitpesa.input-currency"), fund == null || fund.isBlank() || Boolean.parseBoolean(fund),
                s.optional("paybridge.bitpesa.default-sender-external-id"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
