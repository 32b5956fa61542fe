package io.paybridge.sandbox.bitpesa;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A non-2xx answer thrown by endpoint code; the router writes its body. */
final class BitPesaSimError extends RuntimeException {
    private final int status;
    private final ObjectNode body;

    private BitPesaSimError(int status, ObjectNode body) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** {@code 422 {"object": {..., "errors": {field: [{"error": word}]}}}}, the shape NOTES.md records. */
    static BitPesaSimError validation(ObjectNode object, String field, String error) {
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        ObjectNode copy = body.putObject("object");
        if (object != null) {
            copy.setAll(object);
        }
        copy.putObject("errors").putArray(field).addObject().put("error", error);
        return new BitPesaSimError(422, body);
    }

    /** Other failures: {@code {"meta": {"error": text}}}. */
    static BitPesaSimError of(int status, String text) {
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        body.putObject("meta").put("error", text);
        return new BitPesaSimError(status, body);
    }

    static BitPesaSimError with(int status, ObjectNode body) {
        return new BitPesaSimError(status, body);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
