package io.paybridge.provider;

import java.util.Map;
import java.util.TreeMap;

/** HTTP request headers of a callback, looked up without regard to case as HTTP requires. */
public final class CallbackHeaders {
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public CallbackHeaders(Map<String, ?> headers) {
        headers.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value.toString());
            }
        });
    }

    /** The header's value, or null. */
    public String get(String name) {
        return values.get(name);
    }
}
