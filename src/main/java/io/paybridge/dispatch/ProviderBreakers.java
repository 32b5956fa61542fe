package io.paybridge.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.ProviderResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resilience4j circuit breaker per provider, fed by every provider call's outcome (after its
 * retries): refused, unreachable, no answer and 5xx count as failures; any other answer, a 4xx
 * business rejection included, as a success. New work (a payment to send, a status query) asks
 * {@link #tryAcquire} first; a call already under way is never stopped. Providers without an
 * enabled breaker always pass.
 */
public final class ProviderBreakers {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderBreakers.class);

    /** A breaker's state as the gauge reports it: the number grows with the trouble. */
    public enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        public final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }
    }

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, BreakerSettings> settings;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, String>> rejectionListeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public ProviderBreakers(Map<String, BreakerSettings> byProvider, Clock clock) {
        this.settings = Map.copyOf(byProvider);
        this.clock = clock;
        byProvider.forEach((provider, s) -> {
            if (s.enabled()) {
                breakers.put(provider, build(provider, s));
            }
        });
    }

    private CircuitBreaker build(String provider, BreakerSettings s) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.windowCalls()).minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRatePercent()).waitDurationInOpenState(s.openFor())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls()).maxWaitDurationInHalfOpenState(s.halfOpenMaxWait())
                .writableStackTraceEnabled(false).build();
        CircuitBreaker breaker = new CircuitBreakerStateMachine(provider, config, clock);
        breaker.getEventPublisher().onStateTransition(e -> {
            CircuitBreaker.State to = e.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openedAt.put(provider, clock.instant());
            }
            LOG.warn("{} circuit breaker {} (failure rate {}%)", provider, e.getStateTransition(),
                    breaker.getMetrics().getFailureRate());
        });
        return breaker;
    }

    /** {@code listener(provider, work)} hears of every piece of work an open breaker turned away. */
    public void onRejected(BiConsumer<String, String> listener) {
        rejectionListeners.add(listener);
    }

    public Set<String> providers() {
        return breakers.keySet();
    }

    /**
     * Asks to start new {@code work} ("payment", "poll") with {@code provider}. A true answer must
     * be followed by a provider call (whose outcome {@link #record} reports) or by {@link #release}.
     */
    public boolean tryAcquire(String provider, String work) {
        CircuitBreaker breaker = breakers.get(provider);
        if (breaker == null || breaker.tryAcquirePermission()) {
            return true;
        }
        rejectionListeners.forEach(l -> l.accept(provider, work));
        return false;
    }

    /** Gives back a permission that was not used for a call. */
    public void release(String provider) {
        Optional.ofNullable(breakers.get(provider)).ifPresent(CircuitBreaker::releasePermission);
    }

    /** True while the breaker is open and its wait is not over: nothing would be let through. */
    public boolean isOpen(String provider) {
        CircuitBreaker breaker = breakers.get(provider);
        if (breaker == null || breaker.getState() != CircuitBreaker.State.OPEN) {
            return false;
        }
        Instant opened = openedAt.get(provider);
        return opened != null && !clock.instant().isAfter(opened.plus(settings.get(provider).openFor())); // as resilience4j counts
    }

    /** After {@code direct:provider-call}: reports the call's outcome to its provider's breaker. */
    public void record(Exchange exchange) {
        CircuitBreaker breaker = breakers.get(exchange.getProperty(ExchangeKeys.PROVIDER, String.class));
        if (breaker == null) {
            return;
        }
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        // Durations are not recorded: slow calls are the response timeout's business, not the breaker's.
        if (failure != null) {
            breaker.onError(0, TimeUnit.NANOSECONDS, new ProviderCallFailed(failure.kind().name()));
        } else if (response == null || response.statusCode() >= 500) {
            breaker.onError(0, TimeUnit.NANOSECONDS, new ProviderCallFailed(response == null ? "no response" : "HTTP " + response.statusCode()));
        } else {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        }
    }

    public State state(String provider) {
        CircuitBreaker breaker = breakers.get(provider);
        if (breaker == null) {
            return State.CLOSED;
        }
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
    }

    /** How long a new payment may wait for this provider's breaker before it fails. */
    public Duration holdNewPaymentsFor(String provider) {
        BreakerSettings s = settings.get(provider);
        return s == null ? Duration.ZERO : s.holdNewPaymentsFor();
    }

    /** For health: state, recent failure rate and when an open breaker lets trial calls through. */
    public Map<String, Object> details(String provider) {
        Map<String, Object> d = new LinkedHashMap<>();
        CircuitBreaker breaker = breakers.get(provider);
        if (breaker == null) {
            d.put("circuit.state", "disabled");
            return d;
        }
        d.put("circuit.state", state(provider).name().toLowerCase(Locale.ROOT));
        CircuitBreaker.Metrics m = breaker.getMetrics();
        d.put("circuit.failure.rate.percent", m.getFailureRate() < 0 ? "n/a" : m.getFailureRate());
        d.put("circuit.calls.recorded", m.getNumberOfBufferedCalls());
        d.put("circuit.calls.failed", m.getNumberOfFailedCalls());
        d.put("circuit.calls.not.permitted", m.getNumberOfNotPermittedCalls());
        Instant opened = openedAt.get(provider);
        if (opened != null && state(provider) == State.OPEN) {
            d.put("circuit.opened.at", opened.toString());
            d.put("circuit.trial.calls.from", opened.plus(settings.get(provider).openFor()).toString());
        }
        return d;
    }

    /** The breaker's record of a failed call; never thrown. */
    static final class ProviderCallFailed extends RuntimeException {
        ProviderCallFailed(String what) {
            super(what, null, false, false);
        }
    }
}
