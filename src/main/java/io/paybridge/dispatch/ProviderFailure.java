package io.paybridge.dispatch;

/**
 * Why a provider call produced no answer to interpret. REFUSED and UNREACHABLE mean the
 * provider did not accept the request (after every retry); NO_ANSWER means it was sent and
 * nothing came back, so the provider may hold the payment.
 */
public record ProviderFailure(Kind kind, String message) {
    public enum Kind { REFUSED, UNREACHABLE, NO_ANSWER }

    /** True when the request certainly did not take effect at the provider. */
    public boolean notAccepted() {
        return kind != Kind.NO_ANSWER;
    }
}
