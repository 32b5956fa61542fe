package io.paybridge.flow;

import static io.paybridge.flow.FlowSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.sandbox.kipay.KipaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kipay allows 100 calls a minute per key. A burst of 300 commands (300 STK pushes plus 300
 * callback confirmations) must reach Kipay without ever putting more than 100 calls inside one
 * window, counted by the simulator as the calls arrive. To keep the test short, the window is two
 * seconds on both sides ({@code paybridge.kipay.rate-limit-window = PT2S} and the simulator's
 * own window); the limiter and the simulator treat a four-second window exactly as a minute.
 * Reconciliation polls (after five seconds here) share the same limit.
 */
class KipayRateLimitBurstTest {
    static final int BURST = 300;
    static final Duration WINDOW = Duration.ofSeconds(4);
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static KipaySimulator kipay;
    static PaybridgeApp app;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        kipay = KipaySimulator.start(KafkaToKipayFlowTest.SIM.withRateWindow(WINDOW));
        int port = PaybridgeApp.freePort();
        kipay.setCallbackUrl("http://127.0.0.1:" + port + "/callbacks/kipay");
        // A customer takes a moment to enter the PIN; a callback that still beats the recorded answer
        // is found by reconciliation, whose polls count against the same limit.
        kipay.faults().callbackDelayMillis(500);
        Map<String, String> p = KafkaToKipayFlowTest.kipayProperties(PaybridgeApp.defaults(kafka, bluePay, port), kipay);
        p.put("paybridge.kipay.rate-limit-window", WINDOW.toString());
        p.put("paybridge.kipay.poll-after", "PT5S");
        p.put("paybridge.reconcile.interval-ms", "1000");
        app = PaybridgeApp.start(p);
    }

    @AfterAll
    static void stop() {
        app.close();
        kipay.close();
        bluePay.close();
    }

    @Test
    void aBurstOf300CommandsNeverPutsMoreThan100CallsInOneKipayWindow() throws Exception {
        assertThat(app.property("paybridge.kipay.rate-limit-per-minute")).isNull(); // the shipped default (100) applies
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            for (int i = 0; i < BURST; i++) {
                String id = String.format("burst-%03d", i);
                producer.send(new ProducerRecord<>(app.property("paybridge.topics.requests"), id,
                        command(id, "COLLECTION", "kipay", "100", "{\"phone\":\"0712345678\"}", "").getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> app.ledger().queries().count("SUCCEEDED") == BURST);

        assertThat(kipay.authenticatedCalls()).isGreaterThanOrEqualTo(2 * BURST); // every push and every confirmation
        assertThat(kipay.maxCallsInAnyWindow()).isLessThanOrEqualTo(100).isGreaterThan(50); // pressed hard, never over
        assertThat(kipay.rateLimited()).isZero();
        for (int i = 0; i < BURST; i += 37) {
            assertThat(kipay.createCount(String.format("burst-%03d", i))).isEqualTo(1);
        }
    }
}
