package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Payment;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Callbacks get lost and answers time out; reconciliation asks the status API by our reference
 * and settles the payment without ever sending it twice.
 */
class ReconciliationFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of(
                "paybridge.reconcile.interval-ms", "300",
                "paybridge.reconcile.poll-after", "PT1S",
                "paybridge.bluepay.poll-after", "PT1S",
                "paybridge.providers.response-timeout-ms", "1500",
                // Its status queries time out on purpose; a breaker would then skip the polls under test.
                "paybridge.breaker.enabled", "false"));
    }

    @AfterEach
    void heal() {
        bluePay.faults().reset();
    }

    @Test
    void lostCallbacksAreRecoveredByPollingTheStatusApi() {
        bluePay.faults().dropCallbacks(true);
        produce("f-lost-stk", command("f-lost-stk", "COLLECTION", "100", "0712345678"));
        produce("f-lost-b2c", command("f-lost-b2c", "PAYOUT", "300", "0712345999"));
        assertThat(statuses(eventsUntil("f-lost-stk", "SUCCEEDED"))).last().isEqualTo("SUCCEEDED");
        var stkEvents = eventsUntil("f-lost-stk", "SUCCEEDED");
        assertThat(json(stkEvents.get(stkEvents.size() - 1).value()).path("source").asText()).isEqualTo("poll");
        Payment failed = awaitStatus("f-lost-b2c", "FAILED");
        assertThat(failed.providerStatus()).isEqualTo("FAILED");
        assertThat(bluePay.createCount("f-lost-stk")).isEqualTo(1);
        assertThat(bluePay.createCount("f-lost-b2c")).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterSendingIsNeverResentAndTheStatusApiSettlesIt() {
        // Slow enough that the answer and the immediate lookup both time out; no callback either.
        bluePay.faults().dropCallbacks(true);
        bluePay.faults().latencyMillis(2500);
        produce("f-timeout", command("f-timeout", "COLLECTION", "100", "0712345678"));
        Payment review = awaitStatus("f-timeout", "NEEDS_REVIEW");
        assertThat(review.reason().code()).isEqualTo("AMBIGUOUS_OUTCOME");
        assertThat(review.reason().message()).contains("the lookup at bluepay failed too");
        bluePay.faults().latencyMillis(0);
        Payment paid = awaitStatus("f-timeout", "SUCCEEDED");
        assertThat(paid.attempts()).as("found by the status API, so never sent again").isEqualTo(1);
        assertThat(bluePay.createCount("f-timeout")).isEqualTo(1);
        assertThat(bluePay.receivedReferences().stream().filter("f-timeout"::equals)).hasSize(1);
    }
}
