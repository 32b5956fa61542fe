package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Payment;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers 503 or repeats itself; each payment is still accepted exactly once:
 * refusals are retried with the same signed bytes, and a provider that stays down fails the
 * payment without it ever being accepted. Reconciliation is kept out of the way here.
 */
class ProviderRetryFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of("paybridge.reconcile.interval-ms", "3600000"));
    }

    @AfterEach
    void heal() {
        bluePay.faults().reset();
    }

    @Test
    void unavailableAnswersAreRetriedAndThePaymentIsCreatedOnce() {
        bluePay.faults().failNext(2);
        produce("f-503", command("f-503", "PAYOUT", "300", "0712345678"));
        awaitStatus("f-503", "SUCCEEDED");
        assertThat(bluePay.createCount("f-503")).isEqualTo(1);
        assertThat(bluePay.callCount("/api/v1/b2c/payouts")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aProviderThatStaysUnavailableFailsThePaymentWithoutItBeingAccepted() {
        bluePay.faults().serverErrorRate(1.0);
        produce("f-down", command("f-down", "PAYOUT", "300", "0712345678"));
        Payment failed = awaitStatus("f-down", "FAILED");
        assertThat(failed.reason().code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(bluePay.createCount("f-down")).isZero();
    }

    @Test
    void duplicatedCallbacksChangeNothingTwice() {
        bluePay.faults().duplicateCallbacks(true);
        produce("f-dup-cb", command("f-dup-cb", "PAYOUT", "300", "0712345678"));
        awaitStatus("f-dup-cb", "SUCCEEDED");
        assertThat(statuses(eventsUntil("f-dup-cb", "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
    }
}
