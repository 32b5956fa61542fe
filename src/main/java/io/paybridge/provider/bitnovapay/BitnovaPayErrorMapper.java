package io.paybridge.provider.bitnovapay;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import java.util.Locale;

/**
 * BitnovaPay's error envelope {@code {"error", "code"}} to canonical outcomes, by the HTTP
 * status table of bitnovapay.txt. A 429 arrives here only after the dispatch retries are spent
 * ({@link BitnovaPayConnector#isRetryable}). No 5xx is certainly "not accepted" (BitnovaPay takes
 * no idempotency key, so "try again" after a 500 could pay twice): the payment goes to
 * NEEDS_REVIEW, and the dispatcher looks it up before anything else.
 */
final class BitnovaPayErrorMapper {
    private BitnovaPayErrorMapper() {
    }

    static Outcome map(int httpStatus, BitnovaPayMessages.ErrorEnvelope error) {
        String text = error == null || error.error() == null || error.error().isBlank() ? "HTTP " + httpStatus : error.error();
        String providerCode = String.valueOf(error != null && error.code() != null ? error.code() : httpStatus);
        String canonical = canonicalCode(httpStatus, text);
        PaymentStatus status = ReasonCodes.PROVIDER_ERROR.equals(canonical) ? PaymentStatus.NEEDS_REVIEW : PaymentStatus.FAILED;
        return new Outcome(status, null, providerCode, new Reason(canonical, "BitnovaPay: " + text, providerCode), null, null);
    }

    static String canonicalCode(int httpStatus, String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return switch (httpStatus) {
            // A 400 names the field; an empty wallet and a bad phone deserve their own codes.
            case 400 -> lower.contains("insufficient") ? ReasonCodes.INSUFFICIENT_FLOAT
                    : lower.contains("phone") ? ReasonCodes.INVALID_PHONE : ReasonCodes.VALIDATION_FAILED;
            case 401 -> ReasonCodes.AUTHENTICATION_FAILED;
            case 403 -> ReasonCodes.ACCOUNT_INACTIVE; // the key lacks the permission (product) for this call
            case 404 -> ReasonCodes.VALIDATION_FAILED; // a channel or payment named in the request does not exist
            case 429 -> ReasonCodes.PROVIDER_UNAVAILABLE;
            default -> httpStatus >= 500 ? ReasonCodes.PROVIDER_ERROR : ReasonCodes.DECLINED;
        };
    }
}
