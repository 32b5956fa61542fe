package io.paybridge.sandbox.bluepay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A non-200 answer, thrown by endpoint code and turned into JSON by the router. Carries the
 * whole body so each endpoint can reproduce BluePay's slightly different envelopes exactly.
 */
final class BluePayError extends RuntimeException {

    private final int status;
    private final Map<String, Object> body = new LinkedHashMap<>();

    private BluePayError(int status, String error, boolean withMessage) {
        // No stack trace: these are control flow, thrown on every rejected request.
        super(error, null, false, false);
        this.status = status;
        body.put("ok", false);
        body.put("success", false);
        body.put("error", error);
        if (withMessage) {
            body.put("message", error);
        }
    }

    /** {@code {"ok":false,"success":false,"error":text,"message":text}}. */
    static BluePayError of(int status, String text) {
        return new BluePayError(status, text, true);
    }

    /** B2C style: error and message read {@code "<HTTP code> <text>"}. */
    static BluePayError b2c(int status, String text, String errorCode) {
        return of(status, status + " " + text).with("error_code", errorCode);
    }

    /** The payment_status 422 has only {@code error}, as in the document. */
    static BluePayError withoutMessage(int status, String text) {
        return new BluePayError(status, text, false);
    }

    static BluePayError unauthorized() {
        return new BluePayError(401, "Unauthorized", false)
                .with("message", "Authenticate with Authorization: Bearer … or Basic …")
                .with("hint", "See /public/docs.php#authentication");
    }

    static BluePayError unavailable(boolean b2c) {
        BluePayError error = of(503, "Service unavailable");
        return b2c ? error.with("error_code", "B2C_UNAVAILABLE") : error;
    }

    BluePayError with(String key, Object value) {
        body.put(key, value);
        return this;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body;
    }
}
