package io.paybridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.dispatch.BreakerSettings;
import io.paybridge.dispatch.ProviderBreakers;
import io.paybridge.dispatch.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * A provider is DOWN after N failed calls in a row or while its breaker is open, UP again after
 * one answer; never a liveness concern, and a readiness concern only when configured so.
 */
class ProviderHealthCheckTest {
    final ProviderBreakers breakers = new ProviderBreakers(Map.of("bluepay", new BreakerSettings(true, 50, 4, 4,
            Duration.ofMinutes(1), 1, Duration.ofMinutes(2), Duration.ofMinutes(30))), Clock.systemUTC());

    @Test
    void downAfterConsecutiveFailuresAndUpAfterAnAnswer() {
        ProviderHealth health = new ProviderHealth(Clock.systemUTC(), 3);
        ProviderHealthCheck check = new ProviderHealthCheck("bluepay", health, breakers, false);
        health.failed("bluepay", "unreachable");
        health.failed("bluepay", "unreachable");
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        health.failed("bluepay", "http_5xx");
        HealthCheck.Result down = check.call(Map.of());
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutive.failures", 3).containsEntry("last.error", "http_5xx")
                .containsEntry("circuit.state", "closed");
        health.succeeded("bluepay");
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.isReadiness()).isFalse();
        assertThat(new ProviderHealthCheck("bluepay", health, breakers, true).isReadiness()).isTrue();
    }

    @Test
    void anOpenBreakerIsDownWithItsState() {
        ProviderHealthCheck check = new ProviderHealthCheck("bluepay", new ProviderHealth(Clock.systemUTC(), 0), breakers, false);
        DefaultCamelContext camel = new DefaultCamelContext();
        for (int i = 0; i < 4; i++) {
            Exchange e = new DefaultExchange(camel);
            e.setProperty(ExchangeKeys.PROVIDER, "bluepay");
            e.setProperty(ExchangeKeys.PROVIDER_FAILURE, new ProviderFailure(ProviderFailure.Kind.REFUSED, "503"));
            breakers.record(e);
        }
        HealthCheck.Result open = check.call(Map.of());
        assertThat(open.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(open.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("circuit breaker is open"));
        assertThat(open.getDetails()).containsEntry("circuit.state", "open").containsKey("circuit.trial.calls.from");
    }

    @Test
    void zeroMeansReportOnly() {
        ProviderHealth health = new ProviderHealth(Clock.systemUTC(), 0);
        for (int i = 0; i < 50; i++) {
            health.failed("kipay", "refused");
        }
        assertThat(new ProviderHealthCheck("kipay", health, breakers, false).call(Map.of()).getState()).isEqualTo(HealthCheck.State.UP);
    }
}
