package io.paybridge.provider;

/** One request already sent in a conversation with a provider, and the answer it got. */
public record ProviderCall(ProviderRequest request, ProviderResponse response) {
}
