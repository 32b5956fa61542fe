package io.paybridge.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paybridge.callback.CallbackReply;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.dispatch.ProviderFailure;
import io.paybridge.ledger.Outbox;
import io.paybridge.model.PaymentEvent;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * paybridge's business metrics, in one place so connectors stay free of instrumentation. The
 * ledger reports each committed state change ({@link #transition}), the {@code provider-call}
 * route times every provider call with its retries ({@link #callStarted}/{@link #callEnded}),
 * the callback route reports each answer ({@link #callback}). Names follow Micrometer's
 * conventions; Prometheus sees {@code paybridge_payments_total}, {@code paybridge_provider_call_seconds},
 * {@code paybridge_provider_call_errors_total}, {@code paybridge_callbacks_total},
 * {@code paybridge_outbox_backlog}, {@code paybridge_outbox_oldest_age_seconds}, {@code paybridge_batch_rows_total},
 * {@code paybridge_provider_circuit_state}, {@code paybridge_provider_circuit_rejected_total},
 * {@code paybridge_provider_calls_in_flight}, {@code paybridge_dlq_records_total}, {@code paybridge_dlq_replays_total}.
 * Labels carry only bounded values (provider, type, status, operation, reason), never ids.
 */
public final class Metrics {
    private static final String STARTED = "paybridgeCallStarted";

    private final MeterRegistry registry;
    private final ProviderHealth providers;

    public Metrics(MeterRegistry registry, ProviderHealth providers) {
        this.registry = registry;
        this.providers = providers;
    }

    /** Gauges read when Prometheus scrapes: events waiting in the outbox and the age of the oldest. */
    public void watchOutbox(Outbox outbox) {
        Gauge.builder("paybridge.outbox.backlog", outbox, o -> safely(o::backlog))
                .description("Events written to the ledger and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("paybridge.outbox.oldest.age", outbox, o -> safely(() -> o.oldestUnpublishedAge().toMillis() / 1000.0))
                .description("Age of the oldest unpublished event (0 when none wait)").baseUnit("seconds").register(registry);
    }

    /** A provider's circuit-breaker state (0 closed, 1 half-open, 2 open), read at each scrape. */
    public void watchCircuit(String provider, Supplier<Number> state) {
        Gauge.builder("paybridge.provider.circuit.state", state, s -> s.get().doubleValue())
                .tag("provider", provider).description("Circuit breaker: 0 closed, 1 half-open, 2 open")
                .strongReference(true).register(registry); // the gauge is the supplier's only holder
    }

    /** Work ({@code payment}, {@code poll}) an open circuit breaker kept from reaching {@code provider}. */
    public void circuitRejected(String provider, String work) {
        Counter.builder("paybridge.provider.circuit.rejected").description("New work an open circuit breaker held back")
                .tag("provider", label(provider)).tag("work", label(work)).register(registry).increment();
    }

    /** A provider's HTTP calls in flight against its concurrency cap, read at each scrape. */
    public void watchInFlight(String provider, Supplier<Number> calls) {
        Gauge.builder("paybridge.provider.calls.in.flight", calls, s -> s.get().doubleValue())
                .tag("provider", provider).description("Provider HTTP calls in flight (capped by max-concurrent-calls)")
                .strongReference(true).register(registry);
    }

    /** A committed ledger state change. */
    public void transition(PaymentEvent event) {
        Counter.builder("paybridge.payments").description("Payment state changes committed to the ledger")
                .tag("provider", label(event.provider())).tag("type", label(event.type()))
                .tag("status", label(event.status())).register(registry).increment();
        if (event.batch() != null) {
            Counter.builder("paybridge.batch.rows").description("State changes of payments that came from CSV batch rows")
                    .tag("provider", label(event.provider())).tag("status", label(event.status())).register(registry).increment();
        }
    }

    public void callStarted(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** After {@code direct:provider-call}: latency with retries included, and the failure if any. */
    public void callEnded(Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        String provider = label(exchange.getProperty(ExchangeKeys.PROVIDER, String.class));
        ProviderRequest request = exchange.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class);
        String operation = label(request == null ? null : request.operation());
        String outcome = outcome(exchange);
        if (started != null) {
            Timer.builder("paybridge.provider.call").description("Provider calls, retries included")
                    .tag("provider", provider).tag("operation", operation).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        if ("answered".equals(outcome) || "http_4xx".equals(outcome)) {
            providers.succeeded(provider); // a 4xx is the provider answering about our request
        } else {
            providers.failed(provider, outcome);
        }
        if (!"answered".equals(outcome)) {
            Counter.builder("paybridge.provider.call.errors").description("Provider calls that failed, by kind")
                    .tag("provider", provider).tag("operation", operation).tag("kind", outcome)
                    .register(registry).increment();
        }
    }

    /**
     * A callback answered: accepted when its status is 2xx, rejected otherwise. The reason is
     * paybridge's outcome word, or for a failed verification why it failed ({@code bad_signature},
     * {@code stale}, …, see {@link io.paybridge.callback.RejectionReasons}).
     */
    public void callback(Exchange exchange) {
        CallbackReply reply = exchange.getProperty(ExchangeKeys.CALLBACK_REPLY, CallbackReply.class);
        if (reply == null) {
            return;
        }
        String provider = exchange.getMessage().getHeader("provider", String.class);
        boolean accepted = reply.status() >= 200 && reply.status() < 300;
        Counter.builder("paybridge.callbacks").description("Provider callbacks answered")
                .tag("provider", reply.status() == 404 ? "unknown" : label(provider))
                .tag("result", accepted ? "accepted" : "rejected").tag("reason", label(reply.reason()))
                .register(registry).increment();
    }

    /** A record written to the DLQ, by error class (invalid-input, conflict, processing-error). */
    public void deadLetter(Exchange exchange) {
        Counter.builder("paybridge.dlq.records").description("Kafka records sent to the DLQ")
                .tag("error_class", label(exchange.getMessage().getHeader(ExchangeKeys.DLQ_ERROR_CLASS)))
                .register(registry).increment();
    }

    /** One DLQ record taken through an operator replay, by what came of it (new, repeat, rejected, conflict, already_replayed). */
    public void replayed(String verdict) {
        Counter.builder("paybridge.dlq.replays").description("DLQ records replayed by an operator, by result")
                .tag("result", label(verdict)).register(registry).increment();
    }

    private static String outcome(Exchange exchange) {
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        if (failure != null) {
            return failure.kind().name().toLowerCase(Locale.ROOT);
        }
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        if (response == null) {
            return "error";
        }
        int status = response.statusCode();
        return status >= 500 ? "http_5xx" : status >= 400 ? "http_4xx" : "answered";
    }

    private static String label(Object value) {
        return value == null ? "none" : value.toString().toLowerCase(Locale.ROOT);
    }

    /** A gauge must not fail a scrape: an unreadable ledger shows as NaN, and health says why. */
    private static double safely(Supplier<Number> read) {
        try {
            return read.get().doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
