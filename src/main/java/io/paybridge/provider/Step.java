package io.paybridge.provider;

import io.paybridge.model.Outcome;

/**
 * What a connector wants next while starting a payment: send another request (a provider that
 * needs a sender or customer created first, or a funding call after the transaction), or stop
 * with the payment's outcome. Exactly one of the two is set.
 */
public record Step(ProviderRequest next, Outcome outcome) {

    public static Step send(ProviderRequest request) {
        return new Step(request, null);
    }

    public static Step done(Outcome outcome) {
        return new Step(null, outcome);
    }

    public boolean isDone() {
        return outcome != null;
    }
}
