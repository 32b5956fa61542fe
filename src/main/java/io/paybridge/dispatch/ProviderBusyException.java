package io.paybridge.dispatch;

/** The provider declined to accept the request for now (429, 503 before accepting); safe to send again. */
public class ProviderBusyException extends RuntimeException {
    public ProviderBusyException(String provider, int status) {
        super(provider + " answered HTTP " + status + " before accepting the request");
    }
}
