package io.paybridge.provider.kipay;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import java.util.Locale;

/**
 * Kipay's error envelope {@code {"status": "error", "message": …}} to canonical outcomes, by HTTP
 * status (kipay.txt: "standard HTTP status codes"; Kipay answers 400, 401, 403, 404, 405, 422,
 * 429 and 500). A 500 may come after the payment was handed on (Kipay's own code answers 500 when
 * saving fails after its processor accepted), so it goes to NEEDS_REVIEW, never FAILED.
 */
final class KipayErrorMapper {
    private KipayErrorMapper() {
    }

    static Outcome map(int httpStatus, KipayMessages.ErrorEnvelope error) {
        String text = error == null || error.message() == null || error.message().isBlank() ? "HTTP " + httpStatus : error.message();
        String providerCode = String.valueOf(httpStatus);
        String canonical = canonicalCode(httpStatus, text);
        PaymentStatus status = ReasonCodes.PROVIDER_ERROR.equals(canonical) ? PaymentStatus.NEEDS_REVIEW : PaymentStatus.FAILED;
        return new Outcome(status, null, providerCode, new Reason(canonical, "Kipay: " + text, providerCode), null, null);
    }

    static String canonicalCode(int httpStatus, String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return switch (httpStatus) {
            case 400, 405, 422 -> lower.contains("phone") ? ReasonCodes.INVALID_PHONE : ReasonCodes.VALIDATION_FAILED;
            case 401 -> ReasonCodes.AUTHENTICATION_FAILED;
            case 403 -> ReasonCodes.ACCOUNT_INACTIVE; // "Your account is inactive"
            case 404 -> ReasonCodes.VALIDATION_FAILED; // a payment channel or customer the request names does not exist
            case 429, 503 -> ReasonCodes.PROVIDER_UNAVAILABLE;
            default -> httpStatus >= 500 ? ReasonCodes.PROVIDER_ERROR : ReasonCodes.DECLINED;
        };
    }
}
