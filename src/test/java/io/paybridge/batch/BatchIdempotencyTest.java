package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A file is its content: the same bytes under another name, even after a restart, pay nothing
 * and say which batch they duplicate; a reference already in the ledger is never paid again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchIdempotencyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema BATCH_EVENT_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:schemas/batch-event.schema.json"));
    static final String PAYOUTS = """
            reference,amount,currency,country,phone,name
            IDEM-1,100,KES,KE,0712345201,One
            IDEM-2,200,KES,KE,0712345202,Two
            IDEM-3,300,KES,KE,0712345203,Three
            """;
    static EmbeddedKafka kafka = EmbeddedKafka.shared();
    static BluePaySimulator bluePay;
    static Map<String, String> props;
    static PaybridgeApp app;
    static Path inbox;
    static Path outbox;
    static String batchId;

    @BeforeAll
    static void start() throws Exception {
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        props = BatchDrops.fast(PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort()));
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
    @Order(1)
    void aFileIsPaidOnceAndAnnouncedOnTheEventsTopic() throws Exception {
        BatchDrops.drop(inbox, "payouts.csv", PAYOUTS);
        JsonNode summary = JSON.readTree(BatchDrops.awaitFile(outbox, "-payouts.csv.summary.json", Duration.ofSeconds(30)).toFile());
        batchId = summary.path("batchId").asText();
        assertThat(summary.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(summary.at("/statuses/SUCCEEDED/count").asLong()).isEqualTo(3);
        assertThat(summary.at("/statuses/SUCCEEDED/amounts/KES").asText()).isEqualTo("600.00");
        assertThat(summary.at("/statuses/SUCCEEDED/fees/KES").asText()).isEqualTo("45.00");
        for (String ref : List.of("IDEM-1", "IDEM-2", "IDEM-3")) {
            assertThat(bluePay.createCount(ref)).as(ref).isEqualTo(1);
        }

        List<ConsumerRecord<String, byte[]>> events = kafka.readAll(props.get("paybridge.topics.events"), Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> batchId.equals(r.key())));
        ConsumerRecord<String, byte[]> completed = events.stream().filter(r -> batchId.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(completed, "ce_type")).isEqualTo("io.paybridge.batch.completed");
        assertThat(header(completed, "ce_subject")).isEqualTo(batchId);
        assertThat(JSON.readTree(completed.value()).path("rows").path("valid").asLong()).isEqualTo(3);
        assertThat(BATCH_EVENT_SCHEMA.validate(JSON.readTree(completed.value()))).isEmpty();
        assertThat(events.stream().filter(r -> "IDEM-1".equals(r.key())).map(r -> header(r, "ce_type")))
                .contains("io.paybridge.payment.succeeded");
    }

    @Test
    @Order(2)
    void batchesAreListedAndAnsweredOverHttp() throws Exception {
        JsonNode one = get("/batches/" + batchId);
        assertThat(one.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(one.path("rows").path("total").asLong()).isEqualTo(3);
        assertThat(one.path("settled").asLong()).isEqualTo(3);
        assertThat(one.path("files").path("results").asText()).endsWith("-payouts.csv.results.csv");
        assertThat(get("/batches").path("batches").findValuesAsText("batchId")).contains(batchId);
        assertThat(status("/batches/b-unknown")).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theSameContentUnderAnotherNamePaysNothing() throws Exception {
        BatchDrops.drop(inbox, "payouts-resent.csv", PAYOUTS);
        JsonNode report = JSON.readTree(BatchDrops.awaitFile(outbox, "payouts-resent.csv.duplicate.json", Duration.ofSeconds(30)).toFile());
        assertThat(report.at("/duplicateOf/batchId").asText()).isEqualTo(batchId);
        assertThat(report.at("/duplicateOf/file").asText()).isEqualTo("payouts.csv");
        assertThat(report.path("paid").asInt()).isZero();
        assertThat(BatchDrops.find(inbox.resolve("failed"), "-payouts-resent.csv")).isNotNull();
        assertThat(Collections.frequency(bluePay.receivedReferences(), "IDEM-1")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void referencesAlreadyInTheLedgerAreRejectedNotPaidAgain() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"REST-1\",\"type\":\"PAYOUT\",\"amount\":\"50\",\"currency\":\"KES\","
                        + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712345204\"}}")).build();
        assertThat(HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        BatchDrops.drop(inbox, "second.csv", """
                reference,amount,currency,country,phone
                IDEM-2,200,KES,KE,0712345202
                IDEM-4,400,KES,KE,0712345205
                REST-1,50,KES,KE,0712345204
                """);
        Path summary = BatchDrops.awaitFile(outbox, "-second.csv.summary.json", Duration.ofSeconds(30));
        String stored = summary.getFileName().toString().replace(".summary.json", "");
        List<String> rejects = BatchDrops.read(outbox.resolve(stored + ".rejects.csv")).lines().toList();
        assertThat(rejects).hasSize(3);
        assertThat(rejects.get(1)).startsWith("2,IDEM-2,reference,unique-in-ledger,")
                .contains("already in the ledger (from batch " + batchId + " line 3, status SUCCEEDED); it is not paid again");
        assertThat(rejects.get(2)).startsWith("4,REST-1,reference,unique-in-ledger,")
                .contains("received through another intake door");
        assertThat(bluePay.createCount("IDEM-2")).isEqualTo(1);
        assertThat(bluePay.createCount("IDEM-4")).isEqualTo(1);
        assertThat(bluePay.createCount("REST-1")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theSameContentAfterARestartStillPaysNothing() throws Exception {
        app.close();
        app = PaybridgeApp.start(props); // same ledger database, inbox and outbox
        BatchDrops.drop(inbox, "payouts-after-restart.csv", PAYOUTS);
        JsonNode report = JSON.readTree(BatchDrops.awaitFile(outbox, "payouts-after-restart.csv.duplicate.json",
                Duration.ofSeconds(30)).toFile());
        assertThat(report.at("/duplicateOf/batchId").asText()).isEqualTo(batchId);
        assertThat(Collections.frequency(bluePay.receivedReferences(), "IDEM-3")).isEqualTo(1);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
