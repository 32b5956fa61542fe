package io.paybridge.provider;

import io.paybridge.model.Outcome;

/**
 * A verified callback in canonical terms. {@code paymentId} is our id when the provider echoes it;
 * otherwise the ledger finds the payment by {@code outcome.providerReference()}.
 * {@code deliveryKey} identifies this delivery for de-duplication (null when the provider gives none).
 * {@code confirm} asks for the provider's status API to be consulted before anything is recorded.
 */
public record CallbackUpdate(String paymentId, Outcome outcome, String deliveryKey, boolean confirm) {

    public CallbackUpdate(String paymentId, Outcome outcome, String deliveryKey) {
        this(paymentId, outcome, deliveryKey, false);
    }

    /** A callback that is only a hint: record nothing until the provider's status API confirms. */
    public static CallbackUpdate toConfirm(String paymentId, Outcome hint, String deliveryKey) {
        return new CallbackUpdate(paymentId, hint, deliveryKey, true);
    }
}
