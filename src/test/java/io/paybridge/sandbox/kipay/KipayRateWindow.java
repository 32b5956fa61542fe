package io.paybridge.sandbox.kipay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Kipay's limit, "100 requests per minute per API key", as a sliding window over arrival times,
 * plus a log of every arrival so a test can ask how many calls Kipay ever saw within one window.
 * Arrival is stamped when the request reaches the handler, the moment Kipay would count it.
 */
final class KipayRateWindow {
    private final int limit;
    private final long windowNanos;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private final List<Long> arrivals = new ArrayList<>();
    private int refused;

    KipayRateWindow(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Records an arrival; false when it is over the limit (the caller answers 429). */
    synchronized boolean admit() {
        long now = System.nanoTime();
        arrivals.add(now);
        while (!accepted.isEmpty() && accepted.peekFirst() <= now - windowNanos) {
            accepted.pollFirst();
        }
        if (accepted.size() >= limit) {
            refused++;
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    /** The most arrivals (accepted or refused) that ever fell within one window. */
    synchronized int maxInAnyWindow() {
        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        int max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end) - sorted.get(start) >= windowNanos) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    synchronized int refused() {
        return refused;
    }

    synchronized int arrivals() {
        return arrivals.size();
    }
}
