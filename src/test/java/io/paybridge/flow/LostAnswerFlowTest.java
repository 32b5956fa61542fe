package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Payment;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.sandbox.bitnovapay.BitnovaPaySimulator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An answer lost after sending is never resent blind: the provider is asked first (by our
 * reference, or by an idempotent resend where that is the only way), and a payment is sent a
 * second time only when the provider proved it never arrived, at most once.
 */
class LostAnswerFlowTest extends FlowTestSupport {
    static BitnovaPaySimulator bitnova;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bitnova = BitnovaPaySimulator.start(BitnovaPaySimulator.Settings.defaults());
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort());
        p.put("paybridge.bitnovapay.enabled", "true");
        p.put("paybridge.bitnovapay.base-url", bitnova.baseUrl());
        p.put("paybridge.bitnovapay.personal-key", BitnovaPaySimulator.Settings.defaults().personalKey());
        p.put("paybridge.bitnovapay.business-key", BitnovaPaySimulator.Settings.defaults().businessKey());
        p.put("paybridge.dispatch.lost-answer-delay-ms", "50");
        p.put("paybridge.reconcile.interval-ms", "300");
        p.put("paybridge.reconcile.poll-after", "PT1S");
        p.put("paybridge.bluepay.poll-after", "PT1S");
        p.put("paybridge.bitnovapay.poll-after", "PT1S");
        p.put("paybridge.reconcile.lost-answer-after", "PT2S");
        // Each case loses answers on purpose; the breaker would count them and hold later cases.
        p.put("paybridge.breaker.enabled", "false");
        app = PaybridgeApp.start(p);
    }

    @AfterAll
    static void stopBitnova() {
        if (bitnova != null) {
            bitnova.close();
        }
    }

    @AfterEach
    void heal() {
        bluePay.faults().reset();
        bitnova.faults().reset();
    }

    @Test
    void aLostAnswerIsLookedUpAndTheProvidersStateAdopted() {
        bluePay.faults().loseAnswerNext(1);
        produce("la-found", command("la-found", "COLLECTION", "100", "0712345678"));
        Payment paid = awaitStatus("la-found", "SUCCEEDED");
        assertThat(statuses(eventsUntil("la-found", "SUCCEEDED"))).startsWith("RECEIVED", "SUBMITTED").endsWith("SUCCEEDED");
        assertThat(paid.attempts()).as("sends").isEqualTo(1);
        assertThat(bluePay.createCount("la-found")).isEqualTo(1);
        assertThat(bluePay.receivedReferences().stream().filter("la-found"::equals)).hasSize(1);
    }

    @Test
    void aRequestThatNeverReachedTheProviderIsResentOnce() {
        bluePay.faults().dropRequestNext(1);
        produce("la-dropped", command("la-dropped", "COLLECTION", "100", "0712345678"));
        Payment paid = awaitStatus("la-dropped", "SUCCEEDED");
        assertThat(paid.attempts()).as("sends").isEqualTo(2);
        assertThat(bluePay.createCount("la-dropped")).isEqualTo(1);
    }

    @Test
    void aRequestLostTwiceIsNeverSentAThirdTime() {
        bluePay.faults().dropRequestNext(2);
        produce("la-dropped-twice", command("la-dropped-twice", "COLLECTION", "100", "0712345678"));
        Payment review = awaitStatus("la-dropped-twice", "NEEDS_REVIEW");
        assertThat(review.attempts()).isEqualTo(2);
        assertThat(review.reason().code()).isEqualTo("RESEND_EXHAUSTED");
        assertThat(bluePay.createCount("la-dropped-twice")).isZero();
    }

    @Test
    void aProviderThatCannotBeAskedLeavesThePaymentForReviewWithTheReason() {
        int before = bitnova.callCount("/api/v1/withdraw");
        bitnova.faults().loseAnswerNext(1);
        produce("la-bnp-payout", FlowSupport.command("la-bnp-payout", "PAYOUT", "bitnovapay", "500", "{\"phone\":\"0722000111\"}", ""));
        Payment review = awaitStatus("la-bnp-payout", "NEEDS_REVIEW");
        assertThat(review.reason().code()).isEqualTo("AMBIGUOUS_OUTCOME");
        assertThat(review.reason().message()).contains("withdrawal carries no description", "an operator must check at bitnovapay");
        assertThat(bitnova.callCount("/api/v1/withdraw") - before).isEqualTo(1);
    }

    @Test
    void aLostBluePayPayoutIsResentWithTheSameReferenceAndPaidOnce() {
        int before = bluePay.callCount("/api/v1/b2c/payouts");
        bluePay.faults().loseAnswerNext(1);
        bluePay.faults().callbackDelayMillis(3000); // the resend comes first, then BluePay's callback
        produce("la-b2c-held", command("la-b2c-held", "PAYOUT", "300", "0712345777"));
        awaitStatus("la-b2c-held", "SUCCEEDED");
        // PENDING while BluePay holds it; reconciliation may flag it NEEDS_REVIEW (BluePay cannot be asked)
        // before the late callback settles it.
        var events = eventsUntil("la-b2c-held", "SUCCEEDED");
        assertThat(statuses(events)).startsWith("RECEIVED", "SUBMITTED", "PENDING").endsWith("SUCCEEDED");
        assertThat(json(events.get(2).value()).path("reason").path("code").asText()).isEqualTo("DUPLICATE_REFERENCE");
        assertThat(bluePay.callCount("/api/v1/b2c/payouts") - before).as("the payout and its idempotent resend").isEqualTo(2);
        assertThat(bluePay.createCount("la-b2c-held")).isEqualTo(1);
        assertThat(app.ledger().find("la-b2c-held").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aLostBluePayPayoutThatHadFailedIsAttemptedAgainAndTheFirstAttemptsLateFailureDecidesNothing() {
        // The first payout fails at M-Pesa at once, its answer lost, its callback held back past the resend.
        // BluePay frees a failed payout's reference, so the resend is a second attempt; it never settles (…998).
        bluePay.faults().loseAnswerNext(1);
        bluePay.faults().failNextSettlements(1);
        bluePay.faults().callbackDelayMillis(0);
        bluePay.faults().lateCallbacks(1.0, 1500);
        int delivered = bluePay.callbacksDelivered();
        produce("la-b2c-refailed", command("la-b2c-refailed", "PAYOUT", "300", "0712345998"));

        Payment pending = awaitStatus("la-b2c-refailed", "PENDING");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bluePay.callbacksDelivered() > delivered);

        Payment after = app.ledger().find("la-b2c-refailed").orElseThrow();
        assertThat(after.status()).as("the first attempt's failure names another payout").isEqualTo(PaymentStatus.PENDING);
        assertThat(after.providerReference()).isEqualTo(pending.providerReference()).isNotNull();
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(bluePay.createCount("la-b2c-refailed")).as("two attempts").isEqualTo(2);
        assertThat(bluePay.liveCount("la-b2c-refailed")).as("one payout that may still pay").isEqualTo(1);
    }

    @Test
    void aBluePayPayoutThatNeverArrivedIsCreatedByTheResend() {
        bluePay.faults().dropRequestNext(1);
        produce("la-b2c-dropped", command("la-b2c-dropped", "PAYOUT", "300", "0712345777"));
        awaitStatus("la-b2c-dropped", "SUCCEEDED");
        assertThat(bluePay.createCount("la-b2c-dropped")).isEqualTo(1);
    }

    @Test
    void aBitnovaPay500IsLookedUpNeverRetried() {
        int before = bitnova.callCount("/api/v2/payment");
        bitnova.faults().failNext(1);
        produce("la-bnp-500", FlowSupport.command("la-bnp-500", "COLLECTION", "bitnovapay", "1500", "{\"phone\":\"0712345678\"}", ""));
        Payment review = awaitStatus("la-bnp-500", "NEEDS_REVIEW");
        assertThat(review.reason().message()).contains("cannot tell");
        // Reconciliation looks again (the listing) and still never sends it a second time.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> app.ledger().find("la-bnp-500").orElseThrow().polls() >= 1);
        assertThat(bitnova.callCount("/api/v2/payment") - before).isEqualTo(1);
        assertThat(bitnova.callCount("/api/v1/transactions")).isGreaterThanOrEqualTo(2);
        assertThat(app.ledger().find("la-bnp-500").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aPaymentLeftSubmittedByACrashIsRecoveredByReconciliation() {
        PaymentCommand command = new PaymentCommand("la-crashed", PaymentType.COLLECTION, "bluepay", new BigDecimal("100"), "KES", "KE",
                new Customer("254712345678", null, null, null, null, null, null), null, null, null);
        app.ledger().claim(command);
        // The process stopped between recording the send and the provider's answer: nothing reached BluePay.
        assertThat(app.ledger().markSubmitted("la-crashed")).isTrue();
        Payment paid = awaitStatus("la-crashed", "SUCCEEDED");
        assertThat(paid.attempts()).isEqualTo(2);
        assertThat(bluePay.createCount("la-crashed")).isEqualTo(1);
    }
}
