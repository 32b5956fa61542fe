package io.paybridge.sandbox.bitnovapay;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run-time fault switches for the BitnovaPay simulator, flipped by tests while requests are in
 * flight, so every field is volatile or atomic.
 */
public final class BitnovaPayFaults {
    static final long DEFAULT_CALLBACK_DELAY_MILLIS = 50;

    private volatile long latencyMillis;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private volatile boolean dropCallbacks;
    private volatile boolean duplicateCallbacks;
    private volatile long callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;

    public void latencyMillis(long ms) {
        latencyMillis = Math.max(0, ms);
    }

    /** The next {@code n} API calls answer 500 "Server error - try again" before doing anything. */
    public void failNext(int n) {
        failNext.set(Math.max(0, n));
    }

    /** The next {@code n} API calls answer 429 before doing anything. */
    public void rateLimitNext(int n) {
        rateLimitNext.set(Math.max(0, n));
    }

    public void dropCallbacks(boolean drop) {
        dropCallbacks = drop;
    }

    public void duplicateCallbacks(boolean duplicate) {
        duplicateCallbacks = duplicate;
    }

    public void callbackDelayMillis(long ms) {
        callbackDelayMillis = Math.max(0, ms);
    }

    public void reset() {
        latencyMillis = 0;
        failNext.set(0);
        rateLimitNext.set(0);
        dropCallbacks = false;
        duplicateCallbacks = false;
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

    boolean takeFailure() {
        return take(failNext);
    }

    boolean takeRateLimit() {
        return take(rateLimitNext);
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
