package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.PaymentStatus;
import io.paybridge.sandbox.bitlipa.BitlipaSimulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real bundle against the gateway simulator over real HTTP and a real Kafka broker:
 * collections and payouts in several countries, each with the document's flow (phone prompt,
 * redirect link, bank details), a failure, an answer lost after acceptance, refusals before any
 * call, and forged callbacks.
 */
class KafkaToBitlipaFlowTest extends FlowTestSupport {
    static BitlipaSimulator gateway;

    @BeforeAll
    static void start() throws Exception {
        BitlipaSimulator.Settings sim = BitlipaSimulator.Settings.defaults();
        gateway = BitlipaSimulator.start(sim);
        startWorld(Map.of(
                "paybridge.bitlipa.enabled", "true",
                "paybridge.bitlipa.base-url", gateway.baseUrl(),
                "paybridge.bitlipa.public-id", sim.publicId(),
                "paybridge.bitlipa.merchant-id", sim.merchantId(),
                "paybridge.bitlipa.secret-key", sim.secretKey(),
                "paybridge.bitlipa.callback-url", "http://127.0.0.1:{{camel.server.port}}/callbacks/bitlipa",
                "paybridge.bitlipa.provider-ids", "KE.mpesa=347",
                "paybridge.bitlipa.poll-after", "PT1S",
                "paybridge.reconcile.interval-ms", "300"));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void kenyanCollectionWithPhonePromptSucceedsByCallback() throws Exception {
        String id = "gw-ke-c2b-1";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"150\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"},"
                + "\"metadata\":{\"invoice\":\"INV-9\"}}");
        List<JsonNode> events = eventsOf(id, "SUCCEEDED");
        assertThat(events).extracting(e -> e.path("status").asText()).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(events.get(2).path("customerAction").path("type").asText()).isEqualTo("APPROVE_ON_PHONE");
        assertThat(events.get(3).path("source").asText()).isEqualTo("callback");
        assertThat(events.get(3).path("metadata").path("invoice").asText()).isEqualTo("INV-9");
        assertThat(gateway.createCount(id)).isEqualTo(1);
    }

    @Test
    void ghanaianCollectionCarriesTheConfirmationLinkAndSettlesWhenTheCustomerOpensIt() throws Exception {
        String id = "gw-gh-c2b-1";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"25.50\",\"currency\":\"GHS\","
                + "\"country\":\"GH\",\"customer\":{\"phone\":\"0241234567\",\"name\":\"Kofi Mensah\",\"email\":\"kofi@example.com\"}}");
        JsonNode pending = eventsOf(id, "PENDING").get(2);
        String link = pending.path("customerAction").path("redirectUrl").asText();
        assertThat(pending.path("customerAction").path("type").asText()).isEqualTo("REDIRECT");
        assertThat(link).startsWith(gateway.baseUrl() + "/redirect/");
        assertThat(app.ledger().find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        // the customer confirmed on the gateway's page: the callback settles the payment
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(eventsOf(id, "SUCCEEDED")).extracting(e -> e.path("status").asText()).endsWith("PENDING", "SUCCEEDED");
    }

    @Test
    void nigerianBankTransferCollectionGivesInstructionsAndSettlesByPolling() throws Exception {
        String id = "gw-ng-c2b-1";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"2500\",\"currency\":\"NGN\","
                + "\"country\":\"NG\",\"customer\":{\"email\":\"ada@example.com\"},\"metadata\":{\"operator\":\"banktransfer\"}}");
        List<JsonNode> events = eventsOf(id, "SUCCEEDED");
        JsonNode pending = events.get(2);
        assertThat(pending.path("customerAction").path("type").asText()).isEqualTo("PAYMENT_INSTRUCTIONS");
        assertThat(pending.path("customerAction").path("instructions").asText()).startsWith("Transfer 2500 to account 40")
                .endsWith("at Premium Trust Bank");
        assertThat(events.get(3).path("source").asText()).as("no transaction id, so no callback: polled").isEqualTo("poll");
    }

    @Test
    void payoutsInThreeCountriesSucceed() throws Exception {
        send("gw-ke-b2c-1", "{\"id\":\"gw-ke-b2c-1\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"750\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"+254722000111\",\"name\":\"Jane Doe\"}}");
        send("gw-ug-b2c-1", "{\"id\":\"gw-ug-b2c-1\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"50000\",\"currency\":\"UGX\","
                + "\"country\":\"UG\",\"customer\":{\"phone\":\"0772123456\",\"name\":\"Okello James\"},\"metadata\":{\"operator\":\"mtn\"}}");
        send("gw-ng-b2c-1", "{\"id\":\"gw-ng-b2c-1\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"15000\",\"currency\":\"NGN\","
                + "\"country\":\"NG\",\"customer\":{\"name\":\"Ada Obi\",\"bankCode\":\"000013\",\"account\":\"0123456789\"}}");
        for (String id : List.of("gw-ke-b2c-1", "gw-ug-b2c-1", "gw-ng-b2c-1")) {
            assertThat(eventsOf(id, "SUCCEEDED")).extracting(e -> e.path("status").asText())
                    .containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
            assertThat(gateway.createCount(id)).isEqualTo(1);
        }
    }

    @Test
    void failedPayoutCarriesTheGatewayStatus() throws Exception {
        String id = "gw-zm-b2c-fail";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"100\",\"currency\":\"ZMW\","
                + "\"country\":\"ZM\",\"customer\":{\"phone\":\"0971234999\"}}");
        JsonNode failed = last(eventsOf(id, "FAILED"));
        assertThat(failed.path("providerStatus").asText()).isEqualTo("3");
        assertThat(failed.path("reason").path("code").asText()).isEqualTo("DECLINED");
    }

    @Test
    void answerLostAfterAcceptanceIsResolvedByStatusNotByResending() throws Exception {
        String id = "gw-ke-b2c-lost";
        String statusPath = "/" + BitlipaSimulator.Settings.defaults().publicId() + "/status";
        int statusCallsBefore = gateway.callCount(statusPath);
        gateway.faults().failNextAfterAccept(1);
        send(id, "{\"id\":\"" + id + "\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"800\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"+254733000222\",\"name\":\"John Doe\"}}");
        assertThat(eventsOf(id, "SUCCEEDED")).extracting(e -> e.path("status").asText()).containsSubsequence("PENDING", "SUCCEEDED");
        assertThat(gateway.createCount(id)).isEqualTo(1);
        assertThat(gateway.callCount(statusPath)).as("the 500 was followed by a status query").isGreaterThan(statusCallsBefore);
    }

    @Test
    void commandsBreakingTheCatalogAreRefusedBeforeAnyCall() throws Exception {
        String id = "gw-gh-too-much";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"9000\",\"currency\":\"GHS\","
                + "\"country\":\"GH\",\"customer\":{\"phone\":\"0241234567\",\"name\":\"Kofi Mensah\",\"email\":\"kofi@example.com\"}}");
        List<ConsumerRecord<String, byte[]>> dlq = dlqUntil(id);
        assertThat(dlq).isNotEmpty();
        assertThat(header(dlq.get(0), "paybridge_error_rule")).isEqualTo("bitlipa.GH.c2b.amount-range");
        assertThat(header(dlq.get(0), "paybridge_error_field")).isEqualTo("amount");
        assertThat(gateway.createCount(id)).isZero();
        assertThat(app.ledger().find(id)).isEmpty();
    }

    @Test
    void forgedCallbacksAreRejectedAndRecordNothing() throws Exception {
        String id = "gw-ke-c2b-waits";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"99\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712345998\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}}");
        eventsOf(id, "PENDING");
        String unsigned = "{\"order_id\":\"" + id + "\",\"transaction_id\":\"1\",\"status\":2,\"result\":{\"code\":0,\"message\":\"OK\"}";
        String forged = unsigned + ",\"signature\":\"" + "ab".repeat(64) + "\"}";
        assertThat(postCallback(forged)).isEqualTo(401);
        assertThat(postCallback(unsigned + "}")).isEqualTo(401);
        assertThat(postCallback("order_id=" + id + "&status=2")).isEqualTo(401);
        assertThat(app.ledger().find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(eventsNow(id)).extracting(e -> e.path("status").asText()).doesNotContain("SUCCEEDED");
    }

    private static int postCallback(String body) throws Exception {
        return post("/callbacks/bitlipa", body, Map.of()).statusCode();
    }

    static void send(String key, String json) {
        produce(key, json);
    }

    /** This payment's events as JSON, read until one with {@code status} arrives (30 s at most). */
    static List<JsonNode> eventsOf(String id, String status) {
        List<JsonNode> events = eventsUntil(id, status).stream().map(r -> json(r.value())).toList();
        assertThat(events).as("events of " + id).extracting(e -> e.path("status").asText()).contains(status);
        return events;
    }

    /** Every event of this payment so far, after the outbox relay has had time to publish a wrongly applied change. */
    static List<JsonNode> eventsNow(String id) {
        List<ConsumerRecord<String, byte[]>> read = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(2),
                recs -> false);
        return read.stream().filter(r -> id.equals(r.key())).map(r -> json(r.value())).toList();
    }

    static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }
}
