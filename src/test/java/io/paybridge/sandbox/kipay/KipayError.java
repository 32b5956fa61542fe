package io.paybridge.sandbox.kipay;

import java.util.LinkedHashMap;
import java.util.Map;

/** A non-2xx answer in Kipay's error shape, {@code {"status": "error", "message": text}}. */
final class KipayError extends RuntimeException {
    private final int status;

    KipayError(int status, String message) {
        super(message, null, false, false); // control flow: no stack trace
        this.status = status;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", getMessage());
        return body;
    }
}
