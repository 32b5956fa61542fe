package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Payment;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment held by a breaker that stays open longer than {@code hold-new-payments-for} fails
 * with PROVIDER_UNAVAILABLE, never having been sent.
 */
class CircuitBreakerHoldLimitFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of(
                "paybridge.reconcile.interval-ms", "300",
                "paybridge.reconcile.unsent-after", "PT1S",
                "paybridge.dispatch.max-retries", "0",
                "paybridge.breaker.window-calls", "2",
                "paybridge.breaker.minimum-calls", "2",
                "paybridge.breaker.open-for", "PT10M",
                "paybridge.bluepay.breaker.hold-new-payments-for", "PT3S"));
    }

    @Test
    void aPaymentHeldPastTheLimitFailsUnsent() {
        bluePay.faults().serverErrorRate(1.0);
        produce("hl-down-1", command("hl-down-1", "PAYOUT", "300", "0712345678"));
        produce("hl-down-2", command("hl-down-2", "PAYOUT", "300", "0712345678"));
        awaitStatus("hl-down-1", "FAILED");
        awaitStatus("hl-down-2", "FAILED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> CircuitBreakerFlowTest.circuitState() == 2.0);
        int calls = bluePay.callCount("/api/v1/b2c/payouts");

        produce("hl-held", command("hl-held", "PAYOUT", "300", "0712345678"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> app.ledger().find("hl-held").map(p -> p.status().isTerminal()).orElse(false));
        Payment failed = app.ledger().find("hl-held").orElseThrow();
        assertThat(failed.status().name()).isEqualTo("FAILED");
        assertThat(failed.reason().code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(failed.reason().message()).contains("circuit breaker stayed open").contains("never sent");
        assertThat(failed.attempts()).isZero();
        assertThat(bluePay.callCount("/api/v1/b2c/payouts")).isEqualTo(calls);
        assertThat(statuses(eventsUntil("hl-held", "FAILED"))).containsExactly("RECEIVED", "FAILED");
    }
}
