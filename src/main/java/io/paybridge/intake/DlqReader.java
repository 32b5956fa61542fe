package io.paybridge.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads records back from the DLQ topic for an operator replay. A consumer is opened per replay
 * (a rare, manual act) with manual partition assignment: no consumer group, nothing committed, so
 * reading the DLQ never moves anybody's offsets.
 */
public final class DlqReader {
    private static final Duration READ_BUDGET = Duration.ofSeconds(20);

    private final String brokers;
    private final String topic;

    public DlqReader(String brokers, String topic) {
        this.brokers = brokers;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The record at {@code partition}/{@code offset}, or empty when there is none (never written, or expired). */
    public Optional<DlqRecord> one(int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = open()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            List<DlqRecord> found = read(consumer, tp, offset + 1, r -> r.offset() == offset, 1);
            return found.stream().findFirst();
        }
    }

    /** Up to {@code limit} records that {@code keep} accepts, oldest first in each partition. */
    public List<DlqRecord> scan(Predicate<DlqRecord> keep, int limit) {
        List<DlqRecord> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = open()) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                if (found.size() >= limit) {
                    break;
                }
                TopicPartition tp = new TopicPartition(topic, info.partition());
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                found.addAll(read(consumer, tp, end, keep, limit - found.size()));
            }
        }
        return found;
    }

    private List<DlqRecord> read(KafkaConsumer<String, byte[]> consumer, TopicPartition tp, long end,
            Predicate<DlqRecord> keep, int limit) {
        List<DlqRecord> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(READ_BUDGET);
        while (found.size() < limit && consumer.position(tp) < end && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500)).records(tp)) {
                DlqRecord record = of(r);
                if (r.offset() < end && found.size() < limit && keep.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    private static DlqRecord of(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new DlqRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers);
    }

    private KafkaConsumer<String, byte[]> open() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
