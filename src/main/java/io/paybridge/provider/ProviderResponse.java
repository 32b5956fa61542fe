package io.paybridge.provider;

/** A provider's HTTP answer, body as raw bytes. */
public record ProviderResponse(int statusCode, byte[] body) {

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }
}
