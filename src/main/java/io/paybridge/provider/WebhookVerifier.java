package io.paybridge.provider;

/** Decides from the raw bytes and the headers, before anything is parsed, whether a callback is genuine. */
public interface WebhookVerifier {
    Verification verify(byte[] rawBody, CallbackHeaders headers);
}
