package io.paybridge.sandbox.kipay;

import io.paybridge.sandbox.SimulatorFaults;
import java.util.concurrent.atomic.AtomicInteger;

/** Run-time fault switches for the Kipay simulator: the common ones, plus forced 429s and unsigned callbacks. */
public final class KipayFaults extends SimulatorFaults {
    private final AtomicInteger tooManyNext = new AtomicInteger();
    private volatile boolean unsignedCallbacks;

    /** The next {@code n} API calls answer 429 whatever the rate (the real limit applies regardless). */
    public void tooManyNext(int n) {
        tooManyNext.set(Math.toIntExact(requireNonNegative(n, "tooManyNext")));
    }

    /** Send callbacks without {@code X-Kipay-Signature}, as some Kipay code does (NOTES.md). */
    public void unsignedCallbacks(boolean unsigned) {
        unsignedCallbacks = unsigned;
    }

    @Override
    public void reset() {
        super.reset();
        tooManyNext.set(0);
        unsignedCallbacks = false;
    }

    boolean unsignedCallbacks() {
        return unsignedCallbacks;
    }

    /** The next API call answers 500 before doing anything. */
    boolean takeFailure() {
        return shouldFailThisCall();
    }

    boolean takeTooMany() {
        return take(tooManyNext) || shouldRateLimitThisCall();
    }
}
