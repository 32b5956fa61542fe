package io.paybridge.flow;

import static io.paybridge.flow.FlowSupport.command;
import static io.paybridge.flow.FlowSupport.last;
import static io.paybridge.flow.FlowSupport.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.ledger.Payment;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.bitnovapay.BitnovaPayWebhookVerifier;
import io.paybridge.sandbox.bitnovapay.BitnovaPaySimulator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ERP topic → bundle → BitnovaPay simulator over HTTP → signed webhooks → events topic, on a real broker. */
class KafkaToBitnovaPayFlowTest {
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static BitnovaPaySimulator bitnova;
    static PaybridgeApp app;
    static FlowSupport flow;
    static String webhookUrl;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bitnova = BitnovaPaySimulator.start(BitnovaPaySimulator.Settings.defaults());
        // Leave the customer a moment to approve, so a webhook cannot beat the recorded answer.
        bitnova.faults().callbackDelayMillis(300);
        int port = PaybridgeApp.freePort();
        webhookUrl = "http://127.0.0.1:" + port + "/callbacks/bitnovapay";
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, port);
        p.put("paybridge.bitnovapay.enabled", "true");
        p.put("paybridge.bitnovapay.base-url", bitnova.baseUrl());
        p.put("paybridge.bitnovapay.personal-key", BitnovaPaySimulator.Settings.defaults().personalKey());
        p.put("paybridge.bitnovapay.business-key", BitnovaPaySimulator.Settings.defaults().businessKey());
        p.put("paybridge.bitnovapay.webhook-url", webhookUrl);
        app = PaybridgeApp.start(p);
        flow = new FlowSupport(kafka, app);
        // No secret is configured: the bundle must learn it from the start-up registration.
        await().atMost(Duration.ofSeconds(20)).until(() -> bitnova.webhookCount() == 1);
    }

    @AfterAll
    static void stop() {
        app.close();
        bitnova.close();
        bluePay.close();
    }

    @Test
    void mpesaCollectionSucceedsThroughTheSmartGateway() throws Exception {
        String id = "bnp-col-ok";
        flow.send(id, command(id, "COLLECTION", "bitnovapay", "1500", "{\"phone\":\"0712345678\"}", ""));
        List<JsonNode> events = flow.eventsUntil(id, "SUCCEEDED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(events.get(2).path("customerAction").path("type").asText()).isEqualTo("APPROVE_ON_PHONE");
        assertThat(last(events).path("providerReference").asText()).startsWith("BNP-");
        assertThat(last(events).path("fee").asText()).isEqualTo("15.00");
        assertThat(last(events).path("source").asText()).isEqualTo("callback");
        assertThat(bitnova.createCount(id)).isEqualTo(1);
    }

    @Test
    void mpesaCollectionFails() throws Exception {
        String id = "bnp-col-fail";
        flow.send(id, command(id, "COLLECTION", "bitnovapay", "200", "{\"phone\":\"0712345999\"}", ""));
        List<JsonNode> events = flow.eventsUntil(id, "FAILED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "FAILED");
        assertThat(last(events).path("reason").path("code").asText()).isEqualTo("DECLINED");
        assertThat(last(events).path("reason").path("providerCode").asText()).isEqualTo("payment.failed");
    }

    @Test
    void cardCollectionCarriesTheRedirectUrlAndStaysPendingUntilPaid() throws Exception {
        String id = "bnp-card-ok";
        flow.send(id, command(id, "COLLECTION", "bitnovapay", "2500.50", "{\"email\":\"jane@example.com\"}",
                ",\"metadata\":{\"bitnovapayMethod\":\"card\"}"));
        List<JsonNode> events = flow.eventsUntil(id, "SUCCEEDED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        JsonNode pending = events.get(2);
        assertThat(pending.path("customerAction").path("type").asText()).isEqualTo("REDIRECT");
        assertThat(pending.path("customerAction").path("redirectUrl").asText()).startsWith(bitnova.baseUrl() + "/checkout/card");
        assertThat(pending.path("metadata").path("bitnovapayMethod").asText()).isEqualTo("card");
    }

    @Test
    void withdrawalSucceeds() throws Exception {
        String id = "bnp-pay-ok";
        flow.send(id, command(id, "PAYOUT", "bitnovapay", "500", "{\"phone\":\"0722000111\"}", ""));
        List<JsonNode> events = flow.eventsUntil(id, "SUCCEEDED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(last(events).path("providerReference").asText()).startsWith("WD-");
        assertThat(bitnova.createCount("254722000111")).isEqualTo(1);
    }

    @Test
    void withdrawalFails() throws Exception {
        String id = "bnp-pay-fail";
        flow.send(id, command(id, "PAYOUT", "bitnovapay", "300", "{\"phone\":\"0733000999\"}", ""));
        List<JsonNode> events = flow.eventsUntil(id, "FAILED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "FAILED");
        assertThat(last(events).path("reason").path("providerCode").asText()).isEqualTo("withdrawal.failed");
    }

    @Test
    void withdrawalBelowTheMinimumIsRefusedBeforeAnyCall() throws Exception {
        int before = bitnova.callCount("/api/v1/withdraw");
        String id = "bnp-pay-small";
        HttpResponse<String> answer = flow.post("/payments", command(id, "PAYOUT", "bitnovapay", "99", "{\"phone\":\"0712345678\"}", "")
                .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode violation = FlowSupport.json(answer.body()).path("violations").get(0);
        assertThat(violation.path("field").asText()).isEqualTo("amount");
        assertThat(violation.path("rule").asText()).isEqualTo("bitnovapay.withdrawal.minimum");
        assertThat(bitnova.callCount("/api/v1/withdraw")).isEqualTo(before);
        assertThat(app.ledger().find(id)).isEmpty();
    }

    @Test
    void forgedTamperedStaleAndUnsignedCallbacksAreRefusedAndRecordNothing() throws Exception {
        String id = "bnp-cb-guard";
        flow.send(id, command(id, "COLLECTION", "bitnovapay", "700", "{\"phone\":\"0712345998\"}", "")); // never settles
        flow.eventsUntil(id, "PENDING");
        Payment pending = app.ledger().find(id).orElseThrow();
        String secret = bitnova.webhookSecret(webhookUrl);
        byte[] success = event("payment.success", pending.providerReference(), "completed", Instant.now().getEpochSecond());

        assertRefused(success, BitnovaPayWebhookVerifier.signatureFor(success, "whsec_not_the_secret"), "signature mismatch");
        byte[] failure = event("payment.failed", pending.providerReference(), "failed", Instant.now().getEpochSecond());
        assertRefused(success, BitnovaPayWebhookVerifier.signatureFor(failure, secret), "signature mismatch");
        byte[] stale = event("payment.success", pending.providerReference(), "completed", Instant.now().minusSeconds(600).getEpochSecond());
        assertRefused(stale, BitnovaPayWebhookVerifier.signatureFor(stale, secret), "replay window");
        byte[] future = event("payment.success", pending.providerReference(), "completed", Instant.now().plusSeconds(600).getEpochSecond());
        assertRefused(future, BitnovaPayWebhookVerifier.signatureFor(future, secret), "replay window");
        assertRefused(success, null, "missing X-BitnovaPay-Signature");

        Payment after = app.ledger().find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(after.updatedAt()).isEqualTo(pending.updatedAt());

        // The same bytes, signed with the registered secret: applied, so nothing before it had been.
        HttpResponse<String> genuine = flow.post("/callbacks/bitnovapay", success,
                Map.of("X-BitnovaPay-Signature", BitnovaPayWebhookVerifier.signatureFor(success, secret)));
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(FlowSupport.json(genuine.body()).path("outcome").asText()).isEqualTo("applied");
        assertThat(statuses(flow.eventsUntil(id, "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
    }

    @Test
    void operatorsListTransactionsWithFilters() throws Exception {
        String id = "bnp-admin-list";
        flow.send(id, command(id, "COLLECTION", "bitnovapay", "900", "{\"phone\":\"0712345678\"}", ""));
        flow.eventsUntil(id, "SUCCEEDED");
        HttpResponse<String> listed = flow.get("/admin/providers/bitnovapay/transactions?status=completed&module=B&per_page=100");
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode page = FlowSupport.json(listed.body());
        assertThat(page.path("per_page").asInt()).isEqualTo(100);
        assertThat(page.path("data").findValuesAsText("description")).contains(id);
        assertThat(page.path("data").findValuesAsText("status")).containsOnly("completed");

        HttpResponse<String> refused = flow.get("/admin/providers/bitnovapay/transactions?per_page=500");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("per_page");
        assertThat(flow.get("/admin/providers/bitnovapay/balance").body()).contains("\"currency\":\"KES\"");
    }

    private static void assertRefused(byte[] body, String signature, String why) throws Exception {
        Map<String, String> headers = signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-BitnovaPay-Signature", signature);
        HttpResponse<String> answer = flow.post("/callbacks/bitnovapay", body, headers);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains(why);
    }

    private static byte[] event(String event, String reference, String status, long timestamp) {
        return ("{\"event\":\"" + event + "\",\"timestamp\":" + timestamp + ",\"data\":{\"reference\":\"" + reference
                + "\",\"module\":\"B\",\"amount\":700,\"fee\":7,\"method\":\"mpesa\",\"status\":\"" + status + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
