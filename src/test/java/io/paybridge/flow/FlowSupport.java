package io.paybridge.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the provider flow tests share: produce commands, read a payment's events, call the bundle's HTTP doors. */
final class FlowSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final EmbeddedKafka kafka;
    private final PaybridgeApp app;

    FlowSupport(EmbeddedKafka kafka, PaybridgeApp app) {
        this.kafka = kafka;
        this.app = app;
    }

    void send(String key, String json) throws Exception {
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            producer.send(new ProducerRecord<>(app.property("paybridge.topics.requests"), key, json.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** The payment's events, in order, once one reaches {@code status} (or what arrived within 30 s). */
    List<JsonNode> eventsUntil(String id, String status) {
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(30),
                recs -> recs.stream().anyMatch(r -> r.key().equals(id) && json(r).path("status").asText().equals(status)));
        return records.stream().filter(r -> r.key().equals(id)).map(FlowSupport::json).toList();
    }

    static List<String> statuses(List<JsonNode> events) {
        return events.stream().map(e -> e.path("status").asText()).toList();
    }

    static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal command; {@code extra} is spliced in before the closing brace (e.g. {@code ,"metadata":{…}}). */
    static String command(String id, String type, String provider, String amount, String customer, String extra) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"provider\":\"" + provider + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"KES\",\"country\":\"KE\",\"customer\":" + customer + extra + "}";
    }
}
