package io.paybridge.provider;

import io.paybridge.model.Outcome;

/**
 * A verified callback in canonical terms. {@code paymentId} is our id when the provider echoes it;
 * otherwise the ledger finds the payment by {@code outcome.providerReference()}.
 * {@code deliveryKey} identifies this delivery for de-duplication (null when the provider gives none).
 */
public record CallbackUpdate(String paymentId, Outcome outcome, String deliveryKey) {
}
