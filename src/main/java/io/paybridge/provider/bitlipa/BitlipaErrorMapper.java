package io.paybridge.provider.bitlipa;

import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;

/**
 * Reasons for the gateway's refusals. The document lists no {@code result.code} values, so a
 * non-zero code keeps its number and message verbatim (provider code {@code result:<n>}) under
 * the canonical DECLINED; HTTP-level errors map by status.
 */
final class BitlipaErrorMapper {
    private BitlipaErrorMapper() {
    }

    static Reason result(int code, String message) {
        String text = message == null || message.isBlank() ? "the gateway refused the operation (result code " + code + ")" : message;
        return new Reason(ReasonCodes.DECLINED, text, "result:" + code);
    }

    static Reason http(int status) {
        String code = switch (status) {
            case 400, 404, 405, 409, 422 -> ReasonCodes.VALIDATION_FAILED;
            case 401, 403 -> ReasonCodes.AUTHENTICATION_FAILED;
            case 429, 503 -> ReasonCodes.PROVIDER_UNAVAILABLE;
            default -> status >= 500 ? ReasonCodes.PROVIDER_ERROR : ReasonCodes.DECLINED;
        };
        return new Reason(code, "the gateway answered HTTP " + status, "http:" + status);
    }
}
