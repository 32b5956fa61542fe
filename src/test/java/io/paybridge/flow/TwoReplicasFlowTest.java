package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bundle share one broker (one consumer group over a two-partition requests
 * topic) and one PostgreSQL ledger: a stream of commands is paid exactly once, and every event is
 * published exactly once and in order, because only the outbox lease holder relays.
 */
class TwoReplicasFlowTest {
    static final int PAYMENTS = 40;
    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedKafka kafka;
    static BluePaySimulator bluePay;
    static PaybridgeApp first;
    static PaybridgeApp second;
    static String requests;
    static String events;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        kafka = EmbeddedKafka.shared();
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        String run = UUID.randomUUID().toString().substring(0, 8);
        requests = "replicas-" + run + ".requests";
        events = "replicas-" + run + ".events";
        kafka.createTopic(requests, 2);
        kafka.createTopics(events, "replicas-" + run + ".dlq");
        String ledger = EmbeddedPostgresDb.shared().freshDatabase();
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("paybridge.topics.requests", requests);
        shared.put("paybridge.topics.events", events);
        shared.put("paybridge.topics.dlq", "replicas-" + run + ".dlq");
        shared.put("paybridge.kafka.consumer-group", "replicas-" + run);
        shared.put("paybridge.ledger.url", ledger);
        shared.put("paybridge.ledger.username", EmbeddedPostgresDb.shared().user());
        shared.put("paybridge.ledger.password", EmbeddedPostgresDb.shared().password());
        first = PaybridgeApp.start(replica(shared));
        second = PaybridgeApp.start(replica(shared));
    }

    private static Map<String, String> replica(Map<String, String> shared) {
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort());
        p.putAll(shared);
        return p;
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        bluePay.close();
    }

    @Test
    void aStreamOfCommandsIsPaidOnceAndEveryEventPublishedOnceInOrder() throws Exception {
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            for (int i = 0; i < PAYMENTS; i++) {
                String id = String.format("replica-%02d", i);
                String type = i % 2 == 0 ? "COLLECTION" : "PAYOUT";
                String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"amount\":\"100\",\"currency\":\"KES\",\"country\":\"KE\","
                        + "\"customer\":{\"phone\":\"0712345678\"}}";
                producer.send(new ProducerRecord<>(requests, id, body.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> first.ledger().queries().count("SUCCEEDED") == PAYMENTS);

        List<ConsumerRecord<String, byte[]>> published = kafka.readAll(events, Duration.ofSeconds(60),
                recs -> recs.stream().filter(r -> "SUCCEEDED".equals(json(r).path("status").asText())).count() >= PAYMENTS);
        Set<String> eventIds = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(eventIds.add(json(record).path("eventId").asText())).as("event published twice").isTrue();
        }
        Map<String, List<String>> statusesByPayment = published.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, LinkedHashMap::new, Collectors.mapping(r -> json(r).path("status").asText(), Collectors.toList())));
        assertThat(statusesByPayment).hasSize(PAYMENTS);
        statusesByPayment.forEach((id, statuses) -> {
            // BluePay's callback can overtake the "pending" answer on a loaded machine; the ledger then
            // goes SUBMITTED -> SUCCEEDED and drops the late answer, so PENDING is the one optional step.
            assertThat(statuses).as(id).isIn(
                    List.of("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED"),
                    List.of("RECEIVED", "SUBMITTED", "SUCCEEDED"));
            assertThat(bluePay.createCount(id)).as(id).isEqualTo(1);
        });
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
