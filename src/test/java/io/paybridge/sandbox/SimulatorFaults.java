package io.paybridge.sandbox;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault switches every provider simulator offers: latency, failing calls (the next N, or a
 * rate), dropped, duplicated and delayed callbacks. Tests flip them while requests are in flight
 * on the server's own threads, so every field is volatile or atomic. A simulator's own class adds
 * the faults peculiar to its provider.
 */
public class SimulatorFaults {
    public static final long DEFAULT_CALLBACK_DELAY_MILLIS = 50;

    private volatile long latencyMillis;
    private volatile double serverErrorRate;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean dropCallbacks;
    private volatile boolean duplicateCallbacks;
    private volatile long callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private final AtomicInteger maxCallsInFlight = new AtomicInteger();

    /** Delay before answering every API call. */
    public void latencyMillis(long ms) {
        latencyMillis = requireNonNegative(ms, "latencyMillis");
    }

    /** Fraction (0..1) of API calls that fail before doing anything. */
    public void serverErrorRate(double rate) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("serverErrorRate must be within 0..1: " + rate);
        }
        serverErrorRate = rate;
    }

    /** The next {@code n} API calls fail before doing anything (the deterministic variant). */
    public void failNext(int n) {
        failNext.set(Math.toIntExact(requireNonNegative(n, "failNext")));
    }

    /** Accept payments but never send their callbacks. */
    public void dropCallbacks(boolean drop) {
        dropCallbacks = drop;
    }

    /** Send every callback twice, as a retrying provider would. */
    public void duplicateCallbacks(boolean duplicate) {
        duplicateCallbacks = duplicate;
    }

    /** Delay before a callback is sent (how long the simulated customer takes). */
    public void callbackDelayMillis(long ms) {
        callbackDelayMillis = requireNonNegative(ms, "callbackDelayMillis");
    }

    /** Back to a well-behaved provider. */
    public void reset() {
        latencyMillis = 0;
        serverErrorRate = 0;
        failNext.set(0);
        dropCallbacks = false;
        duplicateCallbacks = false;
        callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;
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

    /**
     * A router calls this when it starts working on an API call and {@link #callEnded} before it
     * answers, so the most calls ever worked on at once is a lower bound of what the client had in flight.
     */
    public void callStarted() {
        int now = callsInFlight.incrementAndGet();
        maxCallsInFlight.accumulateAndGet(now, Math::max);
    }

    public void callEnded() {
        callsInFlight.decrementAndGet();
    }

    /** The most API calls worked on at once since the start (or {@link #resetMaxCallsInFlight}). */
    public int maxCallsInFlight() {
        return maxCallsInFlight.get();
    }

    public void resetMaxCallsInFlight() {
        maxCallsInFlight.set(callsInFlight.get());
    }

    /** Decides (consuming one {@link #failNext} credit first) whether the current API call fails. */
    public boolean shouldFailThisCall() {
        if (take(failNext)) {
            return true;
        }
        double rate = serverErrorRate;
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    /** Consumes one credit; a CAS loop so two concurrent calls cannot both take the last one. */
    protected static boolean take(AtomicInteger credits) {
        int left;
        do {
            left = credits.get();
            if (left <= 0) {
                return false;
            }
        } while (!credits.compareAndSet(left, left - 1));
        return true;
    }

    protected static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
