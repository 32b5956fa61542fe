package io.paybridge.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bundle knows about each provider from the calls it already makes: consecutive calls
 * that got no usable answer (refused, unreachable, no answer, 5xx) and when the last one failed.
 * Health checks read it instead of calling the provider on every probe. A circuit breaker, when
 * one is added, can feed the same state.
 */
public final class ProviderHealth {
    private record State(int consecutiveFailures, Instant lastFailure, String lastError, Instant lastSuccess) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int downAfterFailures;

    /** {@code downAfterFailures}: consecutive failures after which a provider reports DOWN (0: never). */
    public ProviderHealth(Clock clock, int downAfterFailures) {
        this.clock = clock;
        this.downAfterFailures = downAfterFailures;
    }

    public void succeeded(String provider) {
        states.compute(provider, (p, s) -> new State(0, s == null ? null : s.lastFailure(),
                s == null ? null : s.lastError(), clock.instant()));
    }

    public void failed(String provider, String error) {
        states.compute(provider, (p, s) -> new State(s == null ? 1 : s.consecutiveFailures() + 1, clock.instant(), error,
                s == null ? null : s.lastSuccess()));
    }

    public boolean down(String provider) {
        State s = states.get(provider);
        return downAfterFailures > 0 && s != null && s.consecutiveFailures() >= downAfterFailures;
    }

    public int consecutiveFailures(String provider) {
        State s = states.get(provider);
        return s == null ? 0 : s.consecutiveFailures();
    }

    /** Details for the health answer: counts and times, never request content. */
    public Map<String, Object> details(String provider) {
        State s = states.get(provider);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("provider", provider);
        d.put("consecutive.failures", s == null ? 0 : s.consecutiveFailures());
        d.put("down.after.failures", downAfterFailures);
        if (s != null && s.lastFailure() != null) {
            d.put("last.failure", s.lastFailure().toString());
            d.put("last.error", s.lastError());
        }
        if (s != null && s.lastSuccess() != null) {
            d.put("last.success", s.lastSuccess().toString());
        }
        return d;
    }
}
