package io.paybridge.sandbox.bitnovapay;

import java.util.LinkedHashMap;
import java.util.Map;

/** A non-2xx answer in BitnovaPay's one error shape, {@code {"error": text, "code": status}}. */
final class BitnovaPayError extends RuntimeException {
    private final int status;

    BitnovaPayError(int status, String error) {
        super(error, null, false, false); // control flow: no stack trace
        this.status = status;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.put("code", status);
        return body;
    }
}
