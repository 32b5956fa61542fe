package io.paybridge.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.ledger.Payment;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;

/**
 * A route test's world: the real bundle, a real Kafka broker and the BluePay simulator over
 * real HTTP. Subclasses start it once per class with the properties they need.
 */
abstract class FlowTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * HTTP/1.1 as every other test client here: the JDK client's default tries an h2c upgrade on each
     * new connection, and a connection kept from an earlier class's bundle must never hang a request.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Longer than any answer a bundle under test takes, far shorter than the test timeout, so a hang fails here. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static PaybridgeApp app;

    /** Starts the world; {@code overrides} adjust the bundle's properties. */
    static void startWorld(Map<String, String> overrides) throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        Map<String, String> props = PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort());
        props.putAll(overrides);
        app = PaybridgeApp.start(props);
    }

    @AfterAll
    static void stopWorld() {
        if (app != null) {
            app.close();
        }
        if (bluePay != null) {
            bluePay.close();
        }
    }

    static String command(String id, String type, String amount, String phone) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"amount\":\"" + amount + "\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"" + phone + "\"},\"metadata\":{\"erpRef\":\"" + id + "\"}}";
    }

    static void produce(String key, String body) {
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            producer.send(new ProducerRecord<>(app.property("paybridge.topics.requests"), key, body.getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events of one payment, read from the events topic until {@code status} appears. */
    static List<ConsumerRecord<String, byte[]>> eventsUntil(String paymentId, String status) {
        List<ConsumerRecord<String, byte[]>> all = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(30),
                recs -> recs.stream().anyMatch(r -> paymentId.equals(r.key()) && status.equals(field(r, "status"))));
        return all.stream().filter(r -> paymentId.equals(r.key())).toList();
    }

    static List<String> statuses(List<ConsumerRecord<String, byte[]>> events) {
        return events.stream().map(r -> field(r, "status")).toList();
    }

    static List<ConsumerRecord<String, byte[]>> dlqUntil(String key) {
        return kafka.readAll(app.property("paybridge.topics.dlq"), Duration.ofSeconds(30),
                recs -> recs.stream().anyMatch(r -> key.equals(r.key()))).stream().filter(r -> key.equals(r.key())).toList();
    }

    static String field(ConsumerRecord<String, byte[]> record, String name) {
        return json(record.value()).path(name).asText();
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static Payment awaitStatus(String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> app.ledger().find(id).map(p -> p.status().name().equals(status)).orElse(false));
        return app.ledger().find(id).orElseThrow();
    }

    static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
