package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000);
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };

    @Test
    void blocksTheCallOverTheLimitUntilTheWindowMoves() throws Exception {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMillis(50), clock);
        limiter.acquire();
        limiter.acquire();
        AtomicBoolean third = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                limiter.acquire();
                third.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).untilFalse(third);
        now.addAndGet(50); // the window has moved past both earlier calls
        await().atMost(Duration.ofSeconds(2)).untilTrue(third);
        assertThat(limiter.inWindow()).isEqualTo(1);
    }
}
