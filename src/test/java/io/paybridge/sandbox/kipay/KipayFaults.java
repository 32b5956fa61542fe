package io.paybridge.sandbox.kipay;

import java.util.concurrent.atomic.AtomicInteger;

/** Run-time fault switches for the Kipay simulator; every field is volatile or atomic. */
public final class KipayFaults {
    static final long DEFAULT_CALLBACK_DELAY_MILLIS = 50;

    private volatile long latencyMillis;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger tooManyNext = new AtomicInteger();
    private volatile boolean dropCallbacks;
    private volatile boolean duplicateCallbacks;
    private volatile boolean unsignedCallbacks;
    private volatile long callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;

    public void latencyMillis(long ms) {
        latencyMillis = Math.max(0, ms);
    }

    /** The next {@code n} API calls answer 500 before doing anything. */
    public void failNext(int n) {
        failNext.set(Math.max(0, n));
    }

    /** The next {@code n} API calls answer 429 whatever the rate (the real limit applies regardless). */
    public void tooManyNext(int n) {
        tooManyNext.set(Math.max(0, n));
    }

    public void dropCallbacks(boolean drop) {
        dropCallbacks = drop;
    }

    public void duplicateCallbacks(boolean duplicate) {
        duplicateCallbacks = duplicate;
    }

    /** Send callbacks without {@code X-Kipay-Signature}, as some Kipay code does (NOTES.md). */
    public void unsignedCallbacks(boolean unsigned) {
        unsignedCallbacks = unsigned;
    }

    public void callbackDelayMillis(long ms) {
        callbackDelayMillis = Math.max(0, ms);
    }

    public void reset() {
        latencyMillis = 0;
        failNext.set(0);
        tooManyNext.set(0);
        dropCallbacks = false;
        duplicateCallbacks = false;
        unsignedCallbacks = false;
        callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    long callbackDelayMillis() {
        return callbackDelayMillis;
    }

    boolean dropCallbacks() {
        return dropCallbacks;
    }

    boolean duplicateCallbacks() {
        return duplicateCallbacks;
    }

    boolean unsignedCallbacks() {
        return unsignedCallbacks;
    }

    boolean takeFailure() {
        return take(failNext);
    }

    boolean takeTooMany() {
        return take(tooManyNext);
    }

    private static boolean take(AtomicInteger credits) {
        int left;
        do {
            left = credits.get();
            if (left <= 0) {
                return false;
            }
        } while (!credits.compareAndSet(left, left - 1));
        return true;
    }
}
