package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.crypto.HmacKey;
import io.paybridge.model.PaymentStatus;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A row that does not settle by the deadline is written as it stands (PENDING); when it settles
 * later, the results and summary are rewritten in place and a batch-updated event follows.
 */
class BatchDeadlineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedKafka kafka = EmbeddedKafka.shared();
    static BluePaySimulator bluePay;
    static PaybridgeApp app;
    static Map<String, String> props;
    static Path inbox;
    static Path outbox;

    @BeforeAll
    static void start() throws Exception {
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        props = BatchDrops.fast(PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort()));
        props.put("paybridge.batch.deadline", "PT2S");
        app = PaybridgeApp.start(props);
        inbox = Path.of(props.get("paybridge.batch.inbox"));
        outbox = Path.of(props.get("paybridge.batch.outbox"));
    }

    @AfterAll
    static void stop() {
        app.close();
        bluePay.close();
    }

    @Test
    void pendingRowsAtTheDeadlineAreWrittenThenUpdatedWhenTheySettle() throws Exception {
        // The simulator never settles a payout to a number ending in 998, and fails one ending in 999.
        BatchDrops.drop(inbox, "late.csv", """
                reference,amount,currency,country,phone
                LATE-1,100,KES,KE,0712345301
                LATE-2,100,KES,KE,0712345998
                LATE-3,100,KES,KE,0712345999
                """);
        Path summaryFile = BatchDrops.awaitFile(outbox, "late.csv.summary.json", Duration.ofSeconds(30));
        String stored = summaryFile.getFileName().toString().replace(".summary.json", "");
        JsonNode first = JSON.readTree(summaryFile.toFile());
        assertThat(first.path("state").asText()).isEqualTo("OVERDUE");
        assertThat(first.path("allSettled").asBoolean()).isFalse();
        assertThat(first.path("pending").asLong()).isEqualTo(1);
        assertThat(first.at("/statuses/FAILED/count").asLong()).isEqualTo(1);
        assertThat(statuses(stored)).containsExactly("LATE-1 SUCCEEDED", "LATE-2 PENDING", "LATE-3 FAILED");

        String payoutId = app.ledger().find("LATE-2").orElseThrow().providerReference();
        assertThat(callback("{\"event\":\"mpesa.b2c.success\",\"data\":{\"id\":\"" + payoutId + "\",\"type\":\"B2C\","
                + "\"status\":\"SUCCESS\",\"amount\":100,\"phone_number\":\"254712345998\",\"external_reference\":\"LATE-2\","
                + "\"mpesa_receipt\":\"RKL0LATE22\",\"transaction_fee\":15.00}}")).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(summaryFile.toFile()).path("revision").asInt() == 2);
        JsonNode second = JSON.readTree(summaryFile.toFile());
        assertThat(second.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(second.path("allSettled").asBoolean()).isTrue();
        assertThat(second.path("resultsAt").asText()).isEqualTo(first.path("resultsAt").asText());
        assertThat(statuses(stored)).containsExactly("LATE-1 SUCCEEDED", "LATE-2 SUCCEEDED", "LATE-3 FAILED");
        assertThat(app.ledger().find("LATE-2").orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);

        String batchId = second.path("batchId").asText();
        List<ConsumerRecord<String, byte[]>> events = kafka.readAll(props.get("paybridge.topics.events"), Duration.ofSeconds(30),
                read -> read.stream().filter(r -> batchId.equals(r.key())).count() == 2);
        assertThat(events.stream().filter(r -> batchId.equals(r.key()))
                .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .containsExactly("io.paybridge.batch.completed", "io.paybridge.batch.updated");
    }

    private static List<String> statuses(String stored) {
        return BatchDrops.read(outbox.resolve(stored + ".results.csv")).lines().skip(1)
                .map(l -> l.split(",")[1] + " " + l.split(",")[4]).toList();
    }

    /** A webhook as BluePay signs it: v1=hex(HMAC-SHA256(raw body, API secret)). */
    private static int callback(String body) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String signature = "v1=" + HmacKey.sha256(BluePaySimulator.Settings.defaults().apiSecret()).signHex(raw);
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/callbacks/bluepay"))
                .header("Content-Type", "application/json").header("X-BluePay-Event", "mpesa.b2c.success")
                .header("X-BluePay-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
