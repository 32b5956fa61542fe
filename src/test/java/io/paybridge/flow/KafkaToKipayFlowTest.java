package io.paybridge.flow;

import static io.paybridge.flow.FlowSupport.command;
import static io.paybridge.flow.FlowSupport.last;
import static io.paybridge.flow.FlowSupport.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.ledger.Payment;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.kipay.KipayWebhookVerifier;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.sandbox.kipay.KipaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ERP topic → bundle → Kipay simulator over HTTP → signed hints → confirmation → events topic, on a real broker. */
class KafkaToKipayFlowTest {
    static final KipaySimulator.Settings SIM = KipaySimulator.Settings.defaults();
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static KipaySimulator kipay;
    static PaybridgeApp app;
    static FlowSupport flow;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        kipay = KipaySimulator.start(SIM);
        int port = PaybridgeApp.freePort();
        kipay.setCallbackUrl("http://127.0.0.1:" + port + "/callbacks/kipay");
        // Leave the customer a moment to approve, so a callback cannot beat the recorded answer (see kipay.md).
        kipay.faults().callbackDelayMillis(300);
        app = PaybridgeApp.start(kipayProperties(PaybridgeApp.defaults(kafka, bluePay, port), kipay));
        flow = new FlowSupport(kafka, app);
    }

    static Map<String, String> kipayProperties(Map<String, String> p, KipaySimulator sim) {
        p.put("paybridge.kipay.enabled", "true");
        p.put("paybridge.kipay.base-url", sim.baseUrl());
        p.put("paybridge.kipay.api-key", SIM.apiKey());
        p.put("paybridge.kipay.api-secret", SIM.apiSecret());
        p.put("paybridge.kipay.mpesa-channel-id", String.valueOf(SIM.mpesaChannelId()));
        p.put("paybridge.kipay.checkout-channel-id", String.valueOf(SIM.checkoutChannelId()));
        return p;
    }

    @AfterAll
    static void stop() {
        app.close();
        kipay.close();
        bluePay.close();
    }

    @Test
    void stkCollectionSucceedsOnlyOnceKipayConfirmsIt() throws Exception {
        String id = "kp-stk-ok";
        flow.send(id, command(id, "COLLECTION", "kipay", "1000", "{\"phone\":\"0712345678\"}", ""));
        List<JsonNode> events = flow.eventsUntil(id, "SUCCEEDED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(events.get(2).path("customerAction").path("type").asText()).isEqualTo("APPROVE_ON_PHONE");
        String reference = last(events).path("providerReference").asText();
        assertThat(reference).startsWith("MPESA");
        assertThat(last(events).path("source").asText()).isEqualTo("poll"); // recorded from stk-status, not the callback
        assertThat(kipay.callCount("/api/mpesa/stk-status/" + reference)).isGreaterThanOrEqualTo(1);
        assertThat(kipay.createCount(id)).isEqualTo(1);
    }

    @Test
    void stkCollectionFails() throws Exception {
        String id = "kp-stk-fail";
        flow.send(id, command(id, "COLLECTION", "kipay", "50", "{\"phone\":\"0712345999\"}", ""));
        List<JsonNode> events = flow.eventsUntil(id, "FAILED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "FAILED");
        assertThat(last(events).path("reason").path("code").asText()).isEqualTo("DECLINED");
    }

    @Test
    void checkoutCarriesTheAuthorizationUrlAndTheCustomerIsCreatedOnce() throws Exception {
        String email = "wanjiru@example.com";
        String customer = "{\"email\":\"" + email + "\",\"name\":\"Jane Wanjiru\"}";
        flow.send("kp-co-1", command("kp-co-1", "COLLECTION", "kipay", "2500.50", customer, ""));
        List<JsonNode> first = flow.eventsUntil("kp-co-1", "SUCCEEDED");
        assertThat(statuses(first)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        JsonNode action = first.get(2).path("customerAction");
        assertThat(action.path("type").asText()).isEqualTo("REDIRECT");
        assertThat(action.path("redirectUrl").asText()).startsWith(kipay.baseUrl() + "/payment/checkout/KIPAY");

        flow.send("kp-co-2", command("kp-co-2", "COLLECTION", "kipay", "10", customer, ""));
        flow.eventsUntil("kp-co-2", "SUCCEEDED");
        assertThat(kipay.customerCreates(email)).isEqualTo(1);
        assertThat(kipay.callCount("/api/customers/list")).isEqualTo(1); // the second payment knew the customer
    }

    @Test
    void aPayoutIsRefusedBeforeAnyCallBecauseKipayHasNoPayoutApi() throws Exception {
        int calls = kipay.authenticatedCalls();
        HttpResponse<String> answer = flow.post("/payments", command("kp-payout", "PAYOUT", "kipay", "500", "{\"phone\":\"0712345678\"}", "")
                .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode violation = FlowSupport.json(answer.body()).path("violations").get(0);
        assertThat(violation.path("rule").asText()).isEqualTo("kipay.supported-type");
        assertThat(violation.path("message").asText()).isEqualTo(
                "kipay has no payout API, so this PAYOUT cannot be sent to kipay; route it to a provider that offers payouts");
        assertThat(kipay.authenticatedCalls()).isEqualTo(calls);
    }

    @Test
    void unsignedForgedAndTamperedCallbacksAreRefusedAndALyingOneIsNotBelieved() throws Exception {
        String id = "kp-cb-guard";
        flow.send(id, command(id, "COLLECTION", "kipay", "700", "{\"phone\":\"0712345998\"}", "")); // never settles
        flow.eventsUntil(id, "PENDING");
        Payment pending = app.ledger().find(id).orElseThrow();
        KipayWebhookVerifier signer = new KipayWebhookVerifier(SIM.apiSecret());
        byte[] lie = ("{\"event\":\"charge.success\",\"data\":{\"reference\":\"" + pending.providerReference() + "\",\"status\":\"completed\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(callback(lie, null).statusCode()).isEqualTo(401);
        assertThat(callback(lie, new KipayWebhookVerifier("not-the-secret").signatureFor(lie)).statusCode()).isEqualTo(401);
        byte[] tampered = new String(lie, StandardCharsets.UTF_8).replace("charge.success", "charge.failed").getBytes(StandardCharsets.UTF_8);
        assertThat(callback(tampered, signer.signatureFor(lie)).statusCode()).isEqualTo(401);

        // Correctly signed but false: Kipay's stk-status says pending, and that is what counts.
        String statusPath = "/api/mpesa/stk-status/" + pending.providerReference();
        int asked = kipay.callCount(statusPath);
        HttpResponse<String> signed = callback(lie, signer.signatureFor(lie));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(FlowSupport.json(signed.body()).path("outcome").asText()).isEqualTo("confirming");
        await().atMost(Duration.ofSeconds(10)).until(() -> kipay.callCount(statusPath) > asked);
        Payment after = app.ledger().find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(after.updatedAt()).isEqualTo(pending.updatedAt());
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterBackOff() throws Exception {
        String id = "kp-429";
        kipay.faults().tooManyNext(1);
        flow.send(id, command(id, "COLLECTION", "kipay", "300", "{\"phone\":\"0712000111\"}", ""));
        assertThat(statuses(flow.eventsUntil(id, "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(kipay.createCount(id)).isEqualTo(1);
    }

    @Test
    void operatorsRegisterC2bUrlsAndSimulateC2b() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        HttpResponse<String> registered = flow.post("/admin/providers/kipay/register-c2b-urls",
                "{\"confirmation_url\":\"https://erp.example.com/c2b/confirm\",\"validation_url\":\"https://erp.example.com/c2b/validate\"}"
                        .getBytes(StandardCharsets.UTF_8), json);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(FlowSupport.json(registered.body()).path("message").asText()).isEqualTo("C2B URLs registered successfully");
        assertThat(kipay.c2bUrls()).containsEntry("confirmation", "https://erp.example.com/c2b/confirm");

        HttpResponse<String> simulated = flow.post("/admin/providers/kipay/simulate-c2b",
                "{\"amount\":1000,\"phone_number\":\"254712345678\",\"reference\":\"TEST_TRANSACTION\"}".getBytes(StandardCharsets.UTF_8), json);
        assertThat(simulated.statusCode()).isEqualTo(200);
        assertThat(FlowSupport.json(simulated.body()).path("transaction").path("status").asText()).isEqualTo("completed");

        HttpResponse<String> bad = flow.post("/admin/providers/kipay/simulate-c2b", "{\"amount\":1000}".getBytes(StandardCharsets.UTF_8), json);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("phone_number");
        assertThat(flow.post("/admin/providers/kipay/refund", new byte[0], json).statusCode()).isEqualTo(404);
        assertThat(flow.get("/admin/providers/kipay/transactions?status=completed&limit=5").statusCode()).isEqualTo(200);
        assertThat(flow.get("/admin/providers/kipay/transactions?date_from=yesterday").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> callback(byte[] body, String signature) throws Exception {
        return flow.post("/callbacks/kipay", body, signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Kipay-Signature", signature));
    }
}
