package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaToBluePayFlowTest {
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static PaybridgeApp app;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        int port = PaybridgeApp.freePort();
        Map<String, String> props = PaybridgeApp.defaults(kafka, bluePay, port);
        app = PaybridgeApp.start(props);
    }

    @AfterAll
    static void stop() {
        app.close();
        bluePay.close();
    }

    @Test
    void erpMessageBecomesSucceededEvent() throws Exception {
        String id = "flow-ok-1";
        send(id, "{\"id\":\"" + id + "\",\"type\":\"COLLECTION\",\"amount\":\"100\",\"currency\":\"KES\",\"country\":\"KE\","
                + "\"customer\":{\"phone\":\"0712345678\"},\"metadata\":{\"invoice\":\"INV-1\"}}");
        List<ConsumerRecord<String, byte[]>> events = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(30),
                recs -> recs.stream().anyMatch(r -> r.key().equals(id) && status(r).equals("SUCCEEDED")));
        assertThat(events.stream().filter(r -> r.key().equals(id)).map(KafkaToBluePayFlowTest::status))
                .containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(bluePay.createCount(id)).isEqualTo(1);
    }

    private static void send(String key, String json) throws Exception {
        try (var producer = kafka.newProducer()) {
            producer.send(new ProducerRecord<>(app.property("paybridge.topics.requests"), key, json.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static String status(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode node = JSON.readTree(record.value());
            return node.path("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
