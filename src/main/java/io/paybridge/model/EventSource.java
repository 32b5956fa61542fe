package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What told us about a state change. */
public enum EventSource {
    INTAKE, DISPATCH, RESPONSE, CALLBACK, POLL, OPERATOR;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
