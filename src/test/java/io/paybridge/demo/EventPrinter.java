package io.paybridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints the events and DLQ topics as an ERP would see them, one readable line per record. */
final class EventPrinter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Thread thread;
    private volatile boolean running = true;

    private EventPrinter(String bootstrap) {
        this.thread = new Thread(() -> loop(bootstrap), "demo-event-printer");
        this.thread.setDaemon(true);
    }

    static EventPrinter start(String bootstrap) {
        EventPrinter printer = new EventPrinter(bootstrap);
        printer.thread.start();
        return printer;
    }

    private void loop(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-printer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("paybridge.payments.events", "paybridge.payments.dlq"));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    System.out.println(record.topic().endsWith("dlq") ? dlqLine(record) : eventLine(record));
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String eventLine(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode e = JSON.readTree(record.value());
            String from = e.hasNonNull("previousStatus") ? e.get("previousStatus").asText() + " -> " : "";
            String reason = e.has("reason") ? "  reason " + e.at("/reason/code").asText() + ": " + e.at("/reason/message").asText() : "";
            String action = e.has("customerAction") ? "  (customer: " + e.at("/customerAction/type").asText() + ")" : "";
            return String.format("[event] %-24s %-10s %s %-8s via %-8s %s%s  [%s]%s%s", e.path("paymentId").asText(),
                    e.path("type").asText(), e.path("currency").asText(), e.path("amount").asText(), e.path("provider").asText(),
                    from, e.path("status").asText(), e.path("source").asText(), reason, action);
        } catch (Exception unreadable) {
            return "[event] unreadable record at offset " + record.offset();
        }
    }

    static String dlqLine(ConsumerRecord<String, byte[]> record) {
        return "[dlq]   " + record.key() + "  " + header(record, "paybridge_error_class") + ": "
                + header(record, "paybridge_error") + "  (from " + header(record, "paybridge_original_topic") + " offset "
                + header(record, "paybridge_original_offset") + ")";
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
    }
}
