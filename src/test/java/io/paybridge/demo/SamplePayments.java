package io.paybridge.demo;

import io.paybridge.testing.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo's sample traffic: a collection that succeeds, a payout that fails (the simulator
 * fails phones ending in 999), a message with bad input (DLQ), and one payment over REST.
 */
final class SamplePayments {
    private SamplePayments() {
    }

    static void submit(EmbeddedKafka kafka, String paybridgeUrl, String run) throws Exception {
        String ok = "demo-" + run + "-1";
        String failing = "demo-" + run + "-2";
        String bad = "demo-" + run + "-3";
        String rest = "demo-" + run + "-4";
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            send(producer, ok, "{\"id\":\"" + ok + "\",\"type\":\"COLLECTION\",\"amount\":\"1500\",\"currency\":\"KES\","
                    + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712 345 678\",\"name\":\"Wanjiru Kamau\"},"
                    + "\"description\":\"Invoice INV-2041\",\"metadata\":{\"invoice\":\"INV-2041\"}}");
            send(producer, failing, "{\"id\":\"" + failing + "\",\"type\":\"PAYOUT\",\"amount\":\"2500\",\"currency\":\"KES\","
                    + "\"country\":\"KE\",\"customer\":{\"phone\":\"+254722000999\"},\"description\":\"Supplier refund\"}");
            send(producer, bad, "{\"id\":\"" + bad + "\",\"type\":\"PAYOUT\",\"amount\":12.5,\"currency\":\"KES\","
                    + "\"country\":\"KE\",\"customer\":{\"phone\":\"12\"}}");
            producer.flush();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(paybridgeUrl + "/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + rest + "\",\"type\":\"PAYOUT\",\"amount\":\"750\","
                        + "\"currency\":\"KES\",\"country\":\"KE\",\"customer\":{\"phone\":\"0733111222\"}}"))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.printf("%nPOST /payments %s -> HTTP %d %s%n%n", rest, answer.statusCode(), answer.body());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, String json) {
        producer.send(new ProducerRecord<>("paybridge.payments.requests", key, json.getBytes(StandardCharsets.UTF_8)));
    }
}
