package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The breaker policy with a hand-moved clock: what counts as a failure, when it opens, half-opens and closes. */
class ProviderBreakersTest {
    static final BreakerSettings POLICY = new BreakerSettings(true, 50, 10, 4, Duration.ofSeconds(30), 2,
            Duration.ofMinutes(2), Duration.ofMinutes(30));

    final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final List<String> rejected = new ArrayList<>();
    final ProviderBreakers breakers = new ProviderBreakers(Map.of("bluepay", POLICY,
            "kipay", new BreakerSettings(false, 50, 10, 4, Duration.ofSeconds(30), 2, Duration.ofMinutes(2), Duration.ZERO)), clock);
    final DefaultCamelContext camel = new DefaultCamelContext();

    {
        breakers.onRejected((provider, work) -> rejected.add(provider + "/" + work));
    }

    @Test
    void opensAfterFailuresHalfOpensAfterTheWaitAndClosesOnTrialSuccesses() {
        fail("bluepay", 4);
        assertThat(breakers.state("bluepay")).isEqualTo(ProviderBreakers.State.OPEN);
        assertThat(breakers.isOpen("bluepay")).isTrue();
        assertThat(breakers.tryAcquire("bluepay", "payment")).isFalse();
        assertThat(breakers.tryAcquire("bluepay", "poll")).isFalse();
        assertThat(rejected).containsExactly("bluepay/payment", "bluepay/poll");
        assertThat(breakers.details("bluepay")).containsEntry("circuit.state", "open")
                .containsEntry("circuit.trial.calls.from", "2026-01-01T00:00:30Z");

        clock.advance(Duration.ofSeconds(30));
        assertThat(breakers.isOpen("bluepay")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(breakers.isOpen("bluepay")).as("the wait is over: trial calls may go").isFalse();
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
        assertThat(breakers.state("bluepay")).isEqualTo(ProviderBreakers.State.HALF_OPEN);
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
        assertThat(breakers.tryAcquire("bluepay", "payment")).as("only two trial calls").isFalse();
        answer("bluepay", 200);
        answer("bluepay", 201);
        assertThat(breakers.state("bluepay")).isEqualTo(ProviderBreakers.State.CLOSED);
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
    }

    @Test
    void aFailedTrialOpensAgain() {
        fail("bluepay", 4);
        clock.advance(Duration.ofSeconds(31));
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
        fail("bluepay", 2);
        assertThat(breakers.state("bluepay")).isEqualTo(ProviderBreakers.State.OPEN);
        assertThat(breakers.isOpen("bluepay")).isTrue();
    }

    @Test
    void businessRejectionsAreAnswersNotFailures() {
        for (int i = 0; i < 10; i++) {
            answer("bluepay", 400 + i % 3);
        }
        assertThat(breakers.state("bluepay")).isEqualTo(ProviderBreakers.State.CLOSED);
        answer("bluepay", 500);
        answer("bluepay", 503);
        assertThat(breakers.state("bluepay")).as("2 of 10 failed").isEqualTo(ProviderBreakers.State.CLOSED);
    }

    @Test
    void everyKindOfMissingAnswerIsAFailure() {
        for (ProviderFailure.Kind kind : ProviderFailure.Kind.values()) {
            Exchange e = call("bluepay");
            e.setProperty(ExchangeKeys.PROVIDER_FAILURE, new ProviderFailure(kind, "test"));
            breakers.record(e);
        }
        answer("bluepay", 502);
        assertThat(breakers.state("bluepay")).isEqualTo(ProviderBreakers.State.OPEN);
    }

    @Test
    void anUnusedPermissionGoesBackSoTheTrialCanStillDecide() {
        fail("bluepay", 4);
        clock.advance(Duration.ofSeconds(31));
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
        breakers.release("bluepay"); // e.g. another dispatcher had already sent that payment
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
        assertThat(breakers.tryAcquire("bluepay", "payment")).isTrue();
    }

    @Test
    void aDisabledBreakerAlwaysLetsWorkThrough() {
        fail("kipay", 20);
        assertThat(breakers.tryAcquire("kipay", "payment")).isTrue();
        assertThat(breakers.state("kipay")).isEqualTo(ProviderBreakers.State.CLOSED);
        assertThat(breakers.details("kipay")).containsEntry("circuit.state", "disabled");
        assertThat(breakers.providers()).containsExactly("bluepay");
    }

    @Test
    void anInvalidPolicyNamesItsRule() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BreakerSettings(true, 0, 10, 4, Duration.ofSeconds(1), 1,
                Duration.ZERO, Duration.ZERO)).hasMessageContaining("failure-rate-percent");
    }

    private void fail(String provider, int times) {
        for (int i = 0; i < times; i++) {
            Exchange e = call(provider);
            e.setProperty(ExchangeKeys.PROVIDER_FAILURE, new ProviderFailure(ProviderFailure.Kind.UNREACHABLE, "connection refused"));
            breakers.record(e);
        }
    }

    private void answer(String provider, int status) {
        Exchange e = call(provider);
        e.setProperty(ExchangeKeys.PROVIDER_RESPONSE, new ProviderResponse(status, new byte[0]));
        breakers.record(e);
    }

    private Exchange call(String provider) {
        Exchange e = new DefaultExchange(camel);
        e.setProperty(ExchangeKeys.PROVIDER, provider);
        return e;
    }
}
