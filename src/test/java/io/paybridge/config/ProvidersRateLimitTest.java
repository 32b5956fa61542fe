package io.paybridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProvidersRateLimitTest {
    @Test
    void theMarginIsOnePercentOfTheWindowAndAtLeastAQuarterSecond() {
        assertThat(Providers.jitterMargin(Duration.ofMinutes(1))).isEqualTo(Duration.ofMillis(1200));
        assertThat(Providers.jitterMargin(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(12));
        assertThat(Providers.jitterMargin(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }
}
