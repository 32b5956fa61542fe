package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OutboxRelayTypesTest {

    @Test
    void paymentAndBatchEventsGetTheirOwnTypesAndSchemas() {
        assertThat(OutboxRelay.cloudEventType("SUCCEEDED")).isEqualTo("io.paybridge.payment.succeeded");
        assertThat(OutboxRelay.cloudEventType("NEEDS_REVIEW")).isEqualTo("io.paybridge.payment.needs_review");
        assertThat(OutboxRelay.cloudEventType("BATCH_COMPLETED")).isEqualTo("io.paybridge.batch.completed");
        assertThat(OutboxRelay.cloudEventType("BATCH_UPDATED")).isEqualTo("io.paybridge.batch.updated");

        CloudEvent batch = OutboxRelay.toCloudEvent(new Outbox.Entry(1, "e-1", "b-0123456789abcdef", "BATCH_COMPLETED", "{}",
                OffsetDateTime.parse("2025-01-31T09:30:12Z")));
        assertThat(batch.getSubject()).isEqualTo("b-0123456789abcdef");
        assertThat(batch.getDataSchema()).hasToString("https://paybridge.io/schemas/batch-event.schema.json");
        CloudEvent payment = OutboxRelay.toCloudEvent(new Outbox.Entry(2, "e-2", "P-1", "PENDING", "{}",
                OffsetDateTime.parse("2025-01-31T09:30:12Z")));
        assertThat(payment.getDataSchema()).hasToString("https://paybridge.io/schemas/payment-event.schema.json");
    }
}
