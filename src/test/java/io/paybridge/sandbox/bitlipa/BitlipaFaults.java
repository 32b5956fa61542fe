package io.paybridge.sandbox.bitlipa;

import io.paybridge.sandbox.SimulatorFaults;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run-time fault switches for the gateway simulator: the common ones, plus answers lost after the
 * order exists and customers who confirm redirect payments on their own.
 */
public final class BitlipaFaults extends SimulatorFaults {
    private final AtomicInteger failNextAfterAccept = new AtomicInteger();
    private volatile long autoConfirmRedirectMillis = -1;

    /** The next n payment calls create the order, then answer HTTP 500 (an answer lost after the order exists). */
    public void failNextAfterAccept(int n) {
        failNextAfterAccept.set(Math.toIntExact(requireNonNegative(n, "failNextAfterAccept")));
    }

    /**
     * Redirect-flow collections (extra.customer_redirect) settle when the customer opens the link;
     * with this set to a delay ≥ 0 they also settle on their own after it (the demo's "customer").
     */
    public void autoConfirmRedirectMillis(long ms) {
        autoConfirmRedirectMillis = ms;
    }

    @Override
    public void reset() {
        super.reset();
        failNextAfterAccept.set(0);
        autoConfirmRedirectMillis = -1;
    }

    long autoConfirmRedirectMillis() {
        return autoConfirmRedirectMillis;
    }

    boolean shouldFailAfterAccept() {
        return take(failNextAfterAccept);
    }
}
