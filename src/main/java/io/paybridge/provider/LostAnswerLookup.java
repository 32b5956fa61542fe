package io.paybridge.provider;

/**
 * How to learn, after the answer to a payment's request was lost (timeout, reset, a 5xx that may
 * come after acceptance), whether the provider holds the payment. Never a blind resend.
 */
public sealed interface LostAnswerLookup {

    /**
     * Ask the provider's status API by our reference; {@link Connector#interpretStatus} reads the
     * answer, and says {@link io.paybridge.model.Outcome#unknownToProvider} when the provider
     * definitely does not know the payment (then it is sent once more).
     */
    record Query(ProviderRequest request) implements LostAnswerLookup {
    }

    /**
     * The provider cannot be asked by our reference, but enforces our payment id as an
     * idempotency key: sending the identical payment request again IS the lookup. It either
     * creates the payment (the first never arrived) or is refused as a duplicate (the provider
     * holds it). {@link Connector#interpretStatus} reads that answer.
     */
    record IdempotentResend() implements LostAnswerLookup {
    }

    /** The provider cannot tell us: the payment goes to NEEDS_REVIEW with {@code why}. */
    record None(String why) implements LostAnswerLookup {
    }
}
