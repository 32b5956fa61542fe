package io.paybridge.flow;

import static io.paybridge.flow.FlowSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paybridge.ledger.Payment;
import io.paybridge.provider.bitnovapay.BitnovaPayWebhookVerifier;
import io.paybridge.sandbox.bitnovapay.BitnovaPaySimulator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BitnovaPay's webhook registration at start-up fails (500 twice): the bundle asks again on the
 * next ticks instead of living without the webhook secret until a restart, registers once, and
 * then accepts BitnovaPay's signed callbacks.
 */
class ProviderStartupRetryFlowTest {
    static BluePaySimulator bluePay;
    static BitnovaPaySimulator bitnova;
    static PaybridgeApp app;
    static FlowSupport flow;
    static String webhookUrl;

    @BeforeAll
    static void start() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bitnova = BitnovaPaySimulator.start(BitnovaPaySimulator.Settings.defaults());
        bitnova.faults().failNext(2);
        int port = PaybridgeApp.freePort();
        webhookUrl = "http://127.0.0.1:" + port + "/callbacks/bitnovapay";
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, port);
        p.put("paybridge.bitnovapay.enabled", "true");
        p.put("paybridge.bitnovapay.base-url", bitnova.baseUrl());
        p.put("paybridge.bitnovapay.personal-key", BitnovaPaySimulator.Settings.defaults().personalKey());
        p.put("paybridge.bitnovapay.business-key", BitnovaPaySimulator.Settings.defaults().businessKey());
        p.put("paybridge.bitnovapay.webhook-url", webhookUrl);
        p.put("paybridge.providers.startup-retry-ms", "300");
        app = PaybridgeApp.start(p);
        flow = new FlowSupport(kafka, app);
    }

    @AfterAll
    static void stop() {
        app.close();
        bitnova.close();
        bluePay.close();
    }

    @Test
    void aFailedWebhookRegistrationIsMadeAgainAndItsSecretLearned() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> bitnova.webhookCount() == 1);
        assertThat(bitnova.callCount("/api/v1/webhooks")).as("two refused registrations, then one that worked").isEqualTo(3);

        String id = "bnp-startup-retry";
        flow.send(id, command(id, "COLLECTION", "bitnovapay", "700", "{\"phone\":\"0712345998\"}", "")); // never settles by itself
        flow.eventsUntil(id, "PENDING");
        Payment pending = app.ledger().find(id).orElseThrow();
        byte[] success = ("{\"event\":\"payment.success\",\"timestamp\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"reference\":\"" + pending.providerReference()
                + "\",\"module\":\"B\",\"amount\":700,\"fee\":7,\"method\":\"mpesa\",\"status\":\"completed\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = BitnovaPayWebhookVerifier.signatureFor(success, bitnova.webhookSecret(webhookUrl));
        HttpResponse<String> answer = flow.post("/callbacks/bitnovapay", success, Map.of("X-BitnovaPay-Signature", signature));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        flow.eventsUntil(id, "SUCCEEDED");

        assertThat(bitnova.callCount("/api/v1/webhooks")).as("settled: never registered again").isEqualTo(3);
    }
}
