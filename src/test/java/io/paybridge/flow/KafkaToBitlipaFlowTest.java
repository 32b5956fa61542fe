package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.PaymentStatus;
import io.paybridge.sandbox.bitlipa.BitlipaSimulator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real bundle against the gateway simulator over real HTTP and a real Kafka broker:
 * collections and payouts in several countries, each with the document's flow (phone prompt,
 * redirect link, bank details), a failure, an answer lost after acceptance, refusals before any
 * call, and forged callbacks.
 */
class KafkaToBitlipaFlowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static BitlipaSimulator gateway;
    static PaybridgeApp app;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        BitlipaSimulator.Settings sim = BitlipaSimulator.Settings.defaults();
        gateway = BitlipaSimulator.start(sim);
        int port = PaybridgeApp.freePort();
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, port);
        p.put("paybridge.bitlipa.enabled", "true");
        p.put("paybridge.bitlipa.base-url", gateway.baseUrl());
        p.put("paybridge.bitlipa.public-id", sim.publicId());
        p.put("paybridge.bitlipa.merchant-id", sim.merchantId());
        p.put("paybridge.bitlipa.secret-key", sim.secretKey());
        p.put("paybridge.bitlipa.callback-url", "http://127.0.0.1:" + port + "/callbacks/bitlipa");
        p.put("paybridge.bitlipa.provider-ids", "KE.mpesa=347");
        p.put("paybridge.bitlipa.poll-after", "PT1S");
        p.put("paybridge.reconcile.interval-ms", "300");
        app = PaybridgeApp.start(p);
    }

    @AfterAll
    static void stop() {
        app.close();
        gateway.close();
        bluePay.close();
    }

    @Test
    void kenyanCollectionWithPhonePromptSucceedsByCallback() throws Exception {
        String id = "gw-ke-c2b-1";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"150\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"},"
                + "\"metadata\":{\"invoice\":\"INV-9\"}}");
        List<JsonNode> events = eventsUntil(id, "SUCCEEDED");
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
        JsonNode pending = eventsUntil(id, "PENDING").get(2);
        String link = pending.path("customerAction").path("redirectUrl").asText();
        assertThat(pending.path("customerAction").path("type").asText()).isEqualTo("REDIRECT");
        assertThat(link).startsWith(gateway.baseUrl() + "/redirect/");
        assertThat(app.ledger().find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(eventsUntil(id, "SUCCEEDED")).extracting(e -> e.path("status").asText()).endsWith("PENDING", "SUCCEEDED");
    }

    @Test
    void nigerianBankTransferCollectionGivesInstructionsAndSettlesByPolling() throws Exception {
        String id = "gw-ng-c2b-1";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"2500\",\"currency\":\"NGN\","
                + "\"country\":\"NG\",\"customer\":{\"email\":\"ada@example.com\"},\"metadata\":{\"operator\":\"banktransfer\"}}");
        List<JsonNode> events = eventsUntil(id, "SUCCEEDED");
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
            assertThat(eventsUntil(id, "SUCCEEDED")).extracting(e -> e.path("status").asText())
                    .containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
            assertThat(gateway.createCount(id)).isEqualTo(1);
        }
    }

    @Test
    void failedPayoutCarriesTheGatewayStatus() throws Exception {
        String id = "gw-zm-b2c-fail";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"100\",\"currency\":\"ZMW\","
                + "\"country\":\"ZM\",\"customer\":{\"phone\":\"0971234999\"}}");
        JsonNode failed = last(eventsUntil(id, "FAILED"));
        assertThat(failed.path("providerStatus").asText()).isEqualTo("3");
        assertThat(failed.path("reason").path("code").asText()).isEqualTo("DECLINED");
    }

    @Test
    void answerLostAfterAcceptanceIsResolvedByStatusNotByResending() throws Exception {
        String id = "gw-ke-b2c-lost";
        gateway.faults().failNextAfterAccept(1);
        send(id, "{\"id\":\"" + id + "\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\",\"amount\":\"800\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"+254733000222\",\"name\":\"John Doe\"}}");
        assertThat(eventsUntil(id, "SUCCEEDED")).extracting(e -> e.path("status").asText()).containsSubsequence("PENDING", "SUCCEEDED");
        assertThat(gateway.createCount(id)).isEqualTo(1);
        assertThat(gateway.callCount("/" + BitlipaSimulator.Settings.defaults().publicId() + "/payment_b2c")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void commandsBreakingTheCatalogAreRefusedBeforeAnyCall() throws Exception {
        String id = "gw-gh-too-much";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"9000\",\"currency\":\"GHS\","
                + "\"country\":\"GH\",\"customer\":{\"phone\":\"0241234567\",\"name\":\"Kofi Mensah\",\"email\":\"kofi@example.com\"}}");
        List<ConsumerRecord<String, byte[]>> dlq = kafka.readAll(app.property("paybridge.topics.dlq"), Duration.ofSeconds(30),
                recs -> recs.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, byte[]> rejected = dlq.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(rejected.headers().lastHeader("paybridge_error_rule").value(), StandardCharsets.UTF_8))
                .isEqualTo("bitlipa.GH.c2b.amount-range");
        assertThat(gateway.createCount(id)).isZero();
        assertThat(app.ledger().find(id)).isEmpty();
    }

    @Test
    void forgedCallbacksAreRejectedAndRecordNothing() throws Exception {
        String id = "gw-ke-c2b-waits";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\",\"amount\":\"99\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712345998\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}}");
        eventsUntil(id, "PENDING");
        String unsigned = "{\"order_id\":\"" + id + "\",\"transaction_id\":\"1\",\"status\":2,\"result\":{\"code\":0,\"message\":\"OK\"}";
        String forged = unsigned + ",\"signature\":\"" + "ab".repeat(64) + "\"}";
        assertThat(postCallback(forged)).isEqualTo(401);
        assertThat(postCallback(unsigned + "}")).isEqualTo(401);
        assertThat(postCallback("order_id=" + id + "&status=2")).isEqualTo(401);
        assertThat(app.ledger().find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(events(id)).extracting(e -> e.path("status").asText()).doesNotContain("SUCCEEDED");
    }

    private static int postCallback(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/callbacks/bitlipa"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static void send(String key, String json) throws Exception {
        try (var producer = kafka.newProducer()) {
            producer.send(new ProducerRecord<>(app.property("paybridge.topics.requests"), key, json.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** This payment's events, read until one with {@code status} arrives (30 s at most). */
    static List<JsonNode> eventsUntil(String id, String status) {
        Predicate<List<ConsumerRecord<String, byte[]>>> arrived = recs -> recs.stream()
                .anyMatch(r -> id.equals(r.key()) && status.equals(json(r).path("status").asText()));
        List<JsonNode> events = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(30), arrived).stream()
                .filter(r -> id.equals(r.key())).map(KafkaToBitlipaFlowTest::json).toList();
        assertThat(events).as("events of " + id).extracting(e -> e.path("status").asText()).contains(status);
        return events;
    }

    static List<JsonNode> events(String id) {
        await().pollDelay(Duration.ofMillis(300)).until(() -> true); // give a wrongly applied callback time to surface
        return kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(2), recs -> false).stream()
                .filter(r -> id.equals(r.key())).map(KafkaToBitlipaFlowTest::json).toList();
    }

    static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
