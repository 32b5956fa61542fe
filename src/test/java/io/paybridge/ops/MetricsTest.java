package io.paybridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paybridge.model.BatchRef;
import io.paybridge.model.EventSource;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Metrics metrics = new Metrics(registry, new ProviderHealth(Clock.systemUTC(), 5));

    @Test
    void countsPaymentsAndBatchRowsByStatus() {
        metrics.transition(event("p-1", PaymentStatus.SUCCEEDED, null));
        metrics.transition(event("b-1", PaymentStatus.SUCCEEDED, new BatchRef("b-123", 2)));
        metrics.transition(event("b-2", PaymentStatus.FAILED, new BatchRef("b-123", 3)));
        assertThat(registry.get("paybridge.payments").tag("status", "succeeded").counter().count()).isEqualTo(2);
        assertThat(registry.get("paybridge.batch.rows").tag("status", "succeeded").counter().count()).isEqualTo(1);
        assertThat(registry.get("paybridge.batch.rows").tag("status", "failed").counter().count()).isEqualTo(1);
    }

    private static PaymentEvent event(String id, PaymentStatus status, BatchRef batch) {
        return new PaymentEvent("e-" + id, id, PaymentType.PAYOUT, "bluepay", null, status, PaymentStatus.PENDING, "100", "KES",
                null, null, null, null, EventSource.CALLBACK, Instant.now(), null, batch);
    }
}
