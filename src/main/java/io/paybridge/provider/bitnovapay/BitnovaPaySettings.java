package io.paybridge.provider.bitnovapay;

import io.paybridge.config.Settings;
import java.time.Duration;
import java.util.Locale;

/**
 * BitnovaPay's configuration. Both keys are required: the personal key ({@code pk_…}) speaks
 * to {@code /api/v1/} (Direct Pay, wallet, withdrawals, webhooks, status), the business key
 * ({@code bsk_…}) to {@code /api/v2/} (Smart Gateway payments).
 *
 * <p>{@code mpesaCollections} says how an M-Pesa collection is taken: {@code gateway} (Smart
 * Gateway, funds land in the BitnovaPay wallet) or {@code direct} (Direct Pay STK to the
 * merchant's own channel, {@code directPayChannel} given by numeric id or by label; a label not
 * found is created when {@code directPayChannelType} and {@code directPayShortcode} are set).
 * {@code webhookUrl}, when set, is registered at start-up; {@code webhookSecret} is an optional
 * secret known in advance (the one registration returns is learnt at run time).
 */
public record BitnovaPaySettings(
        String baseUrl,
        String personalKey,
        String businessKey,
        String mpesaCollections,
        String directPayChannel,
        String directPayChannelType,
        String directPayShortcode,
        String webhookUrl,
        String webhookSecret,
        Duration replayWindow) {

    public static final String GATEWAY = "gateway";
    public static final String DIRECT = "direct";

    public BitnovaPaySettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("paybridge.bitnovapay.base-url is required");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        mpesaCollections = blank(mpesaCollections) ? GATEWAY : mpesaCollections.trim().toLowerCase(Locale.ROOT);
        if (!GATEWAY.equals(mpesaCollections) && !DIRECT.equals(mpesaCollections)) {
            throw new IllegalArgumentException("paybridge.bitnovapay.mpesa-collections must be 'gateway' or 'direct', not '"
                    + mpesaCollections + "'");
        }
        if (DIRECT.equals(mpesaCollections) && blank(directPayChannel)) {
            throw new IllegalArgumentException("paybridge.bitnovapay.direct-pay.channel (a channel id or label) is required "
                    + "when paybridge.bitnovapay.mpesa-collections = direct");
        }
        replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
        if (replayWindow.isNegative() || replayWindow.isZero()) {
            throw new IllegalArgumentException("paybridge.bitnovapay.replay-window must be positive");
        }
    }

    /** Reads {@code paybridge.bitnovapay.*}. */
    public static BitnovaPaySettings from(Settings s) {
        String personal = s.secret("paybridge.bitnovapay.personal-key", "BITNOVAPAY_PERSONAL_KEY",
                "it authenticates Direct Pay, wallet, withdrawal, status and webhook calls (/api/v1/)");
        String business = s.secret("paybridge.bitnovapay.business-key", "BITNOVAPAY_BUSINESS_KEY",
                "it authenticates Smart Gateway payments (/api/v2/)");
        Duration window = s.optional("paybridge.bitnovapay.replay-window") == null ? null
                : s.duration("paybridge.bitnovapay.replay-window");
        return new BitnovaPaySettings(s.text("paybridge.bitnovapay.base-url"), personal, business,
                s.optional("paybridge.bitnovapay.mpesa-collections"), s.optional("paybridge.bitnovapay.direct-pay.channel"),
                s.optional("paybridge.bitnovapay.direct-pay.channel-type"), s.optional("paybridge.bitnovapay.direct-pay.shortcode"),
                s.optional("paybridge.bitnovapay.webhook-url"), s.optional("paybridge.bitnovapay.webhook-secret"), window);
    }

    /** Never prints the keys or the secret. */
    @Override
    public String toString() {
        return "BitnovaPaySettings[baseUrl=" + baseUrl + ", mpesaCollections=" + mpesaCollections + ", directPayChannel="
                + directPayChannel + ", webhookUrl=" + webhookUrl + ", replayWindow=" + replayWindow + ", keys and secret hidden]";
    }

    boolean directPay() {
        return DIRECT.equals(mpesaCollections);
    }

    boolean hasWebhookUrl() {
        return !blank(webhookUrl);
    }

    boolean canCreateChannel() {
        return !blank(directPayChannelType) && !blank(directPayShortcode);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
