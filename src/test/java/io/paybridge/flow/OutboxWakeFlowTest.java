package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Outbox;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ledger commits wake the outbox relay: with its timer set to ten minutes (its first pass comes
 * one interval after start), a payment's every event still reaches the topic.
 */
class OutboxWakeFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of("paybridge.outbox.interval-ms", "600000"));
    }

    @Test
    void everyEventOfAPaymentIsPublishedWithoutTheTimer() {
        produce("wake-1", command("wake-1", "PAYOUT", "250", "0712345678"));
        awaitStatus("wake-1", "SUCCEEDED");

        var events = eventsUntil("wake-1", "SUCCEEDED");
        assertThat(statuses(events)).startsWith("RECEIVED", "SUBMITTED").endsWith("SUCCEEDED");
        Outbox outbox = app.camel().getRegistry().lookupByNameAndType("outbox", Outbox.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog() == 0);
    }
}
