package io.paybridge.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} calls in any sliding window of {@code window}: a caller blocks until
 * the oldest call of the window has aged out. Shared by every route calling one provider, so
 * the provider's limit (Kipay's 100 a minute) holds for the whole process.
 */
public final class RateLimiter {
    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> recent = new ArrayDeque<>();

    public RateLimiter(int permits, Duration window, Clock clock) {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive");
        }
        this.permits = permits;
        this.window = window;
        this.clock = clock;
    }

    /** Blocks until a call is allowed, then counts it. */
    public void acquire() throws InterruptedException {
        synchronized (recent) {
            while (true) {
                long now = clock.millis();
                while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
                    recent.pollFirst();
                }
                if (recent.size() < permits) {
                    recent.addLast(now);
                    return;
                }
                recent.wait(Math.max(1, recent.peekFirst() + window.toMillis() - now));
            }
        }
    }

    /** Calls counted in the current window (for metrics and tests). */
    public int inWindow() {
        synchronized (recent) {
            long cutoff = clock.millis() - window.toMillis();
            return (int) recent.stream().filter(t -> t > cutoff).count();
        }
    }
}
