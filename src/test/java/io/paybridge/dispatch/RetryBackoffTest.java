package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private static RetryBackoff backoff(double random) {
        return new RetryBackoff(3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(15), CLOCK, () -> random);
    }

    @Test
    void waitsDoubleFromTheFirstDelayWithJitterInTheUpperHalf() {
        RetryBackoff low = backoff(0.0);
        RetryBackoff high = backoff(1.0);
        assertThat(low.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(250));
        assertThat(high.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(low.delay(2, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff(0.5).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void computedWaitsAreCapped() {
        assertThat(backoff(1.0).delay(10, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff(1.0).delay(200, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterInSecondsReplacesTheComputedWait() {
        assertThat(backoff(0.0).delay(1, Optional.of("3"))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff(0.0).delay(1, Optional.of(" 0 "))).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsAnHttpDateCountsFromNow() {
        assertThat(backoff(0.0).delay(1, Optional.of("Mon, 23 Nov 2026 10:00:07 GMT"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff(0.0).delay(1, Optional.of("Mon, 23 Nov 2026 09:59:00 GMT"))).as("in the past").isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterIsCappedByConfiguration() {
        assertThat(backoff(0.0).delay(1, Optional.of("3600"))).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff(0.0).delay(1, Optional.of("99999999999999999999999"))).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff(0.0).delay(1, Optional.of("Tue, 24 Nov 2026 10:00:00 GMT"))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheBackOff() {
        assertThat(backoff(1.0).delay(1, Optional.of("soon"))).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff(1.0).delay(1, Optional.of("-5"))).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff(1.0).delay(1, Optional.of(""))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void camelsOwnRedeliveryUsesTheSameRule() {
        RetryBackoff policy = backoff(1.0);
        assertThat(policy.getMaximumRedeliveries()).isEqualTo(3);
        assertThat(policy.calculateRedeliveryDelay(0, 2)).isEqualTo(1000);
        assertThat(policy.copy().calculateRedeliveryDelay(0, 2)).as("Camel copies policies").isEqualTo(1000);
    }
}
