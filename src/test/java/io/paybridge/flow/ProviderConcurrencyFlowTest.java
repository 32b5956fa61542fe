package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Six dispatch threads, a slow provider capped at two calls in flight: the simulator never works
 * on more than two calls at once, and every payment still goes through (waiting is not failing).
 */
class ProviderConcurrencyFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of(
                "paybridge.reconcile.interval-ms", "3600000",
                "paybridge.dispatch.concurrency", "6",
                "paybridge.bluepay.max-concurrent-calls", "2"));
    }

    @Test
    void aSlowProviderNeverSeesMoreCallsThanItsCap() {
        bluePay.faults().latencyMillis(400);
        bluePay.faults().resetMaxCallsInFlight();
        IntStream.rangeClosed(1, 8).forEach(i -> produce("cc-" + i, command("cc-" + i, "PAYOUT", "300", "0712345678")));
        IntStream.rangeClosed(1, 8).forEach(i -> awaitStatus("cc-" + i, "SUCCEEDED"));
        assertThat(bluePay.faults().maxCallsInFlight()).isBetween(1, 2);
        IntStream.rangeClosed(1, 8).forEach(i -> assertThat(bluePay.createCount("cc-" + i)).isEqualTo(1));
    }
}
