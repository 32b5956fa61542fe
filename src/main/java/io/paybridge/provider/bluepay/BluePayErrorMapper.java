package io.paybridge.provider.bluepay;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;

/**
 * BluePay's error answers ({@code error_code} and HTTP status, bluepay.txt's tables) to canonical
 * outcomes. A 409 REFERENCE_IN_USE means BluePay already holds a payment with our id, so the
 * money may be moving: it goes to NEEDS_REVIEW, never FAILED. A 502 comes "after accept", so the
 * provider's status decides, not this answer.
 */
final class BluePayErrorMapper {
    private BluePayErrorMapper() {
    }

    static Outcome map(int httpStatus, BluePayMessages.ErrorEnvelope error) {
        String code = error == null ? null : error.errorCode();
        String text = error == null ? "HTTP " + httpStatus : firstNonBlank(error.message(), error.error(), "HTTP " + httpStatus);
        String providerCode = code != null ? code : String.valueOf(httpStatus);
        String canonical = canonicalCode(httpStatus, code);
        PaymentStatus status = switch (canonical) {
            case ReasonCodes.DUPLICATE_REFERENCE, ReasonCodes.PROVIDER_ERROR -> PaymentStatus.NEEDS_REVIEW;
            default -> PaymentStatus.FAILED;
        };
        return new Outcome(status, null, providerCode, new Reason(canonical, text, providerCode), null, null);
    }

    static String canonicalCode(int httpStatus, String errorCode) {
        if (errorCode != null) {
            switch (errorCode) {
                case "INSUFFICIENT_PREPAID": return ReasonCodes.PROVIDER_FEE_UNPAID;
                case "INSUFFICIENT_B2C_BALANCE": return ReasonCodes.INSUFFICIENT_FLOAT;
                case "REFERENCE_IN_USE": return ReasonCodes.DUPLICATE_REFERENCE;
                case "INVALID_PHONE": return ReasonCodes.INVALID_PHONE;
                case "B2C_VALIDATION_FAILED", "STK_VALIDATION_FAILED", "ACCOUNT_REFERENCE_INVALID",
                        "REFERENCE_PREFIX_MISMATCH": return ReasonCodes.VALIDATION_FAILED;
                case "CHANNEL_NOT_AVAILABLE", "MERCHANT_INACTIVE", "B2C_DISABLED": return ReasonCodes.ACCOUNT_INACTIVE;
                case "B2C_UNAVAILABLE": return ReasonCodes.PROVIDER_UNAVAILABLE;
                case "B2C_GATEWAY_ERROR": return ReasonCodes.PROVIDER_ERROR;
                default: break; // an unlisted code falls back to its HTTP status below
            }
        }
        return switch (httpStatus) {
            case 400, 405, 422 -> ReasonCodes.VALIDATION_FAILED;
            case 401, 403 -> ReasonCodes.AUTHENTICATION_FAILED;
            case 402 -> ReasonCodes.PROVIDER_FEE_UNPAID;
            case 409 -> ReasonCodes.DUPLICATE_REFERENCE;
            case 429, 503 -> ReasonCodes.PROVIDER_UNAVAILABLE;
            default -> httpStatus >= 500 ? ReasonCodes.PROVIDER_ERROR : ReasonCodes.DECLINED;
        };
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
