package io.paybridge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches an events topic from its start and notes, per record key (payment id), when the first
 * event of a wanted CloudEvent type ({@code ce_type} header) became visible to a consumer
 * ({@link System#nanoTime}, this JVM's clock, the same one the load generator stamps with).
 */
final class EventClock implements AutoCloseable {
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    EventClock(String bootstrapServers, String topic, Predicate<String> wantedType) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header type = r.headers().lastHeader("ce_type");
                        if (r.key() != null && type != null && wantedType.test(new String(type.value(), StandardCharsets.UTF_8))
                                && seen.putIfAbsent(r.key(), now) == null) {
                            count.incrementAndGet();
                        }
                    }
                }
            }
        }, "event-clock-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** When the first wanted event of {@code key} was seen, or null. */
    Long seenAt(String key) {
        return seen.get(key);
    }

    int count() {
        return count.get();
    }

    /** Latest arrival among {@code keys} (all must have arrived). */
    long lastOf(Iterable<String> keys) {
        long last = Long.MIN_VALUE;
        for (String k : keys) {
            last = Math.max(last, seen.get(k));
        }
        return last;
    }

    long firstOf(Iterable<String> keys) {
        long first = Long.MAX_VALUE;
        for (String k : keys) {
            first = Math.min(first, seen.get(k));
        }
        return first;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
