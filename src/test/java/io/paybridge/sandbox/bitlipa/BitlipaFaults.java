package io.paybridge.sandbox.bitlipa;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run-time fault switches for the gateway simulator. Tests flip these while requests are in
 * flight on the server's own threads, so every field is volatile or atomic.
 */
public final class BitlipaFaults {

    static final long DEFAULT_CALLBACK_DELAY_MILLIS = 50;

    private volatile long latencyMillis;
    private volatile double serverErrorRate;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean dropCallbacks;
    private volatile boolean duplicateCallbacks;
    private volatile long callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;
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

    long autoConfirmRedirectMillis() {
        return autoConfirmRedirectMillis;
    }

    boolean shouldFailAfterAccept() {
        int left;
        do {
            left = failNextAfterAccept.get();
            if (left <= 0) {
                return false;
            }
        } while (!failNextAfterAccept.compareAndSet(left, left - 1));
        return true;
    }

    public void latencyMillis(long ms) {
        latencyMillis = requireNonNegative(ms, "latencyMillis");
    }

    public void serverErrorRate(double rate) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("serverErrorRate must be within 0..1: " + rate);
        }
        serverErrorRate = rate;
    }

    public void failNext(int n) {
        failNext.set(Math.toIntExact(requireNonNegative(n, "failNext")));
    }

    public void dropCallbacks(boolean drop) {
        dropCallbacks = drop;
    }

    public void duplicateCallbacks(boolean dup) {
        duplicateCallbacks = dup;
    }

    public void callbackDelayMillis(long ms) {
        callbackDelayMillis = requireNonNegative(ms, "callbackDelayMillis");
    }

    public void reset() {
        latencyMillis = 0;
        serverErrorRate = 0;
        failNext.set(0);
        dropCallbacks = false;
        duplicateCallbacks = false;
        callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;
        failNextAfterAccept.set(0);
        autoConfirmRedirectMillis = -1;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public long callbackDelayMillis() {
        return callbackDelayMillis;
    }

    public boolean dropCallbacks() {
        return dropCallbacks;
    }

    public boolean duplicateCallbacks() {
        return duplicateCallbacks;
    }

    /** Decides (and consumes one failNext credit) whether the current API call gets a 503. */
    boolean shouldFailThisCall() {
        // CAS loop so two concurrent calls cannot both consume the last credit.
        int left;
        do {
            left = failNext.get();
            if (left <= 0) {
                break;
            }
        } while (!failNext.compareAndSet(left, left - 1));
        if (left > 0) {
            return true;
        }
        double rate = serverErrorRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
