package io.paybridge.provider;

import java.util.Map;

/**
 * One HTTP call to a provider, complete and signed: {@code body} is exactly the bytes that go on
 * the wire and that any signature covers. {@code operation} names the call for logs and metrics.
 */
public record ProviderRequest(String operation, String method, String url, Map<String, String> headers, byte[] body) {

    public static ProviderRequest get(String operation, String url, Map<String, String> headers) {
        return new ProviderRequest(operation, "GET", url, headers, null);
    }

    public static ProviderRequest post(String operation, String url, Map<String, String> headers, byte[] body) {
        return new ProviderRequest(operation, "POST", url, headers, body);
    }
}
