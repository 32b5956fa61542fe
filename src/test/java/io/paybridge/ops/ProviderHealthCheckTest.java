package io.paybridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

/** A provider is DOWN for readiness after N failed calls in a row, UP again after one answer; never a liveness concern. */
class ProviderHealthCheckTest {

    @Test
    void downAfterConsecutiveFailuresAndUpAfterAnAnswer() {
        ProviderHealth health = new ProviderHealth(Clock.systemUTC(), 3);
        ProviderHealthCheck check = new ProviderHealthCheck("bluepay", health);
        health.failed("bluepay", "unreachable");
        health.failed("bluepay", "unreachable");
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        health.failed("bluepay", "http_5xx");
        HealthCheck.Result down = check.call(Map.of());
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutive.failures", 3).containsEntry("last.error", "http_5xx");
        health.succeeded("bluepay");
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.isReadiness()).isTrue();
    }

    @Test
    void zeroMeansReportOnly() {
        ProviderHealth health = new ProviderHealth(Clock.systemUTC(), 0);
        for (int i = 0; i < 50; i++) {
            health.failed("kipay", "refused");
        }
        assertThat(new ProviderHealthCheck("kipay", health).call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
    }
}
