package io.paybridge.sandbox.bitnovapay;

import io.paybridge.sandbox.SimulatorFaults;
import java.util.concurrent.atomic.AtomicInteger;

/** Run-time fault switches for the BitnovaPay simulator: the common ones, plus forced 429s. */
public final class BitnovaPayFaults extends SimulatorFaults {
    private final AtomicInteger rateLimitNext = new AtomicInteger();

    /** The next {@code n} API calls answer 429 before doing anything. */
    public void rateLimitNext(int n) {
        rateLimitNext.set(Math.toIntExact(requireNonNegative(n, "rateLimitNext")));
    }

    @Override
    public void reset() {
        super.reset();
        rateLimitNext.set(0);
    }

    /** The next API call answers 500 before doing anything. */
    boolean takeFailure() {
        return shouldFailThisCall();
    }

    boolean takeRateLimit() {
        return take(rateLimitNext) || shouldRateLimitThisCall();
    }
}
