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
    private final AtomicInteger dropRequestNext = new AtomicInteger();
    private final AtomicInteger loseAnswerNext = new AtomicInteger();
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

    /**
     * The next {@code n} POSTs (the calls that create payments) never reach the provider: the
     * connection closes before anything is recorded, and the client sees no answer.
     */
    public void dropRequestNext(int n) {
        dropRequestNext.set(Math.toIntExact(requireNonNegative(n, "dropRequestNext")));
    }

    /**
     * The next {@code n} POSTs are carried out (the payment is recorded) but their answer is
     * lost: the connection closes without a response, as after a timeout or reset.
     */
    public void loseAnswerNext(int n) {
        loseAnswerNext.set(Math.toIntExact(requireNonNegative(n, "loseAnswerNext")));
    }

    /** Whether this call (by HTTP method) is dropped before the provider records anything; consumes a credit. */
    public boolean dropsRequest(String method) {
        return "POST".equalsIgnoreCase(method) && take(dropRequestNext);
    }

    /** Whether this call's answer is lost after it was carried out; consumes a credit. */
    public boolean losesAnswer(String method) {
        return "POST".equalsIgnoreCase(method) && take(loseAnswerNext);
    }

    /** Back to a well-behaved provider. */
    public void reset() {
        latencyMillis = 0;
        serverErrorRate = 0;
        failNext.set(0);
        dropCallbacks = false;
        duplicateCallbacks = false;
        callbackDelayMillis = DEFAULT_CALLBACK_DELAY_MILLIS;
        dropRequestNext.set(0);
        loseAnswerNext.set(0);
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
