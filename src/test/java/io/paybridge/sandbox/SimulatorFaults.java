package io.paybridge.sandbox;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault switches every provider simulator offers: latency, failing calls (the next N, or a
 * rate), slow answers past the client's timeout, bursts of 429, dropped, duplicated and delayed
 * callbacks (always, or at a rate). Tests flip them while requests are in flight on the server's
 * own threads, so every field is volatile or atomic. Every random draw comes from one generator a
 * test can {@link #seed}, so a failing fault run can be told apart by its printed seed (the
 * interleaving of concurrent calls still varies). A simulator's own class adds the faults
 * peculiar to its provider.
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
    private volatile Random random = new Random();
    private volatile double slowAnswerRate;
    private volatile long slowAnswerMillis;
    private volatile double rateLimitBurstRate;
    private volatile int rateLimitBurstLength;
    private final AtomicInteger rateLimitBurstLeft = new AtomicInteger();
    private volatile double dropCallbackRate;
    private volatile double duplicateCallbackRate;
    private volatile long callbackJitterMillis;
    private volatile double lateCallbackRate;
    private volatile long lateCallbackMillis;

    /** Makes every later random fault decision follow {@code seed}. */
    public void seed(long seed) {
        random = new Random(seed);
    }

    /**
     * A fraction (0..1) of API calls wait {@code millis} before being processed: set it above the
     * client's response timeout and the client gives up while the provider still goes on to act on
     * the request, the ambiguous case.
     */
    public void slowAnswers(double rate, long millis) {
        slowAnswerRate = requireRate(rate, "slowAnswerRate");
        slowAnswerMillis = requireNonNegative(millis, "slowAnswerMillis");
    }

    /** With probability {@code rate} per API call, a burst of {@code length} consecutive calls answers 429. */
    public void rateLimitBursts(double rate, int length) {
        rateLimitBurstRate = requireRate(rate, "rateLimitBurstRate");
        rateLimitBurstLength = Math.toIntExact(requireNonNegative(length, "rateLimitBurstLength"));
    }

    /** A fraction (0..1) of callbacks is never sent. */
    public void dropCallbackRate(double rate) {
        dropCallbackRate = requireRate(rate, "dropCallbackRate");
    }

    /** A fraction (0..1) of callbacks is sent twice. */
    public void duplicateCallbackRate(double rate) {
        duplicateCallbackRate = requireRate(rate, "duplicateCallbackRate");
    }

    /**
     * A fraction (0..1) of callbacks is held back {@code millis} after the payment moved on, so
     * it arrives after later ones (out of order). Honoured by simulators sending several
     * callbacks per payment.
     */
    public void lateCallbacks(double rate, long millis) {
        lateCallbackRate = requireRate(rate, "lateCallbackRate");
        lateCallbackMillis = requireNonNegative(millis, "lateCallbackMillis");
    }

    /** Each callback waits a random extra 0..{@code ms}, so callbacks overtake one another. */
    public void callbackJitterMillis(long ms) {
        callbackJitterMillis = requireNonNegative(ms, "callbackJitterMillis");
    }

    /** Delay before answering every API call. */
    public void latencyMillis(long ms) {
        latencyMillis = requireNonNegative(ms, "latencyMillis");
    }

    /** Fraction (0..1) of API calls that fail before doing anything. */
    public void serverErrorRate(double rate) {
        serverErrorRate = requireRate(rate, "serverErrorRate");
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
        slowAnswerRate = 0;
        slowAnswerMillis = 0;
        rateLimitBurstRate = 0;
        rateLimitBurstLength = 0;
        rateLimitBurstLeft.set(0);
        dropCallbackRate = 0;
        duplicateCallbackRate = 0;
        callbackJitterMillis = 0;
        lateCallbackRate = 0;
        lateCallbackMillis = 0;
    }

    /** How long the current callback is held back: 0, or the late delay drawn at its rate. */
    public long lateCallbackMillis() {
        return chance(lateCallbackRate) ? lateCallbackMillis : 0;
    }

    /** How long the current API call waits before being processed (a slow answer drawn at its rate). */
    public long latencyMillis() {
        return chance(slowAnswerRate) ? Math.max(latencyMillis, slowAnswerMillis) : latencyMillis;
    }

    /** How long the current callback waits (the delay plus any jitter drawn). */
    public long callbackDelayMillis() {
        long jitter = callbackJitterMillis;
        return jitter == 0 ? callbackDelayMillis : callbackDelayMillis + (long) (next() * (jitter + 1));
    }

    /** Whether the current callback is dropped (always when switched on, else drawn at its rate). */
    public boolean dropCallbacks() {
        return dropCallbacks || chance(dropCallbackRate);
    }

    /** Whether the current callback is sent twice (always when switched on, else drawn at its rate). */
    public boolean duplicateCallbacks() {
        return duplicateCallbacks || chance(duplicateCallbackRate);
    }

    /** Decides whether the current API call answers 429: inside a burst, or starting one. */
    public boolean shouldRateLimitThisCall() {
        if (take(rateLimitBurstLeft)) {
            return true;
        }
        if (chance(rateLimitBurstRate)) {
            rateLimitBurstLeft.set(Math.max(0, rateLimitBurstLength - 1));
            return rateLimitBurstLength > 0;
        }
        return false;
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
        return chance(serverErrorRate);
    }

    private boolean chance(double rate) {
        return rate > 0 && next() < rate;
    }

    private double next() {
        return random.nextDouble();
    }

    private static double requireRate(double rate, String name) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException(name + " must be within 0..1: " + rate);
        }
        return rate;
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
