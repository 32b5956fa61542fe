package io.paybridge.ledger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox events to the events topic as CloudEvents in Kafka binary mode ({@code ce_*}
 * headers, JSON data), keyed by payment id. An event is marked published only after the broker
 * acknowledged it (idempotent producer, acks=all): a crash in between publishes it again, never
 * loses it, and consumers de-duplicate on {@code ce_id}.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final URI SOURCE = URI.create("urn:paybridge");
    /** Outbox event types of batch events start with this; payment events are a payment status. */
    public static final String BATCH_PREFIX = "BATCH_";
    private static final String PAYMENT_SCHEMA = "https://paybridge.io/schemas/payment-event.schema.json";
    private static final String BATCH_SCHEMA = "https://paybridge.io/schemas/batch-event.schema.json";
    /** A wake-up publishes at most this many batches; the timer's passes take the rest. */
    private static final int MAX_PASSES_PER_WAKE = 20;

    private final Outbox outbox;
    private final KafkaProducer<String, CloudEvent> producer;
    private final String topic;
    private final int batchSize;
    private final BooleanSupplier mayRun;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile Runnable wakeUp = () -> { };

    /** {@code mayRun} is asked before each pass: with several replicas only the lease holder relays, keeping each payment's events in order. */
    public OutboxRelay(Outbox outbox, String bootstrapServers, String topic, int batchSize, BooleanSupplier mayRun) {
        this.outbox = outbox;
        this.mayRun = mayRun;
        this.topic = topic;
        this.batchSize = batchSize;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "paybridge-outbox-relay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Asks for a pass soon (called after each ledger commit). Cheap and coalescing: while a wake
     * is pending, further ones do nothing, and the pass that takes it sees every event committed
     * before it started.
     */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                wakeUp.run();
            } catch (RuntimeException e) {
                wakePending.set(false); // the timer's pass publishes it anyway
                LOG.debug("outbox relay wake-up not delivered: {}", e.toString());
            }
        }
    }

    /** How {@link #wake} reaches the relay's woken route (set once the Camel context exists). */
    public void onWake(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** A woken pass: publishes until the outbox holds less than a full batch. */
    public int relayWoken() {
        int total = 0;
        for (int pass = 0; pass < MAX_PASSES_PER_WAKE; pass++) {
            int published = relay();
            total += published;
            if (published < batchSize) {
                break;
            }
        }
        return total;
    }

    /**
     * Publishes one batch of unpublished events in order; returns how many were acknowledged.
     * One pass at a time (timer and wake-ups share it), so events leave in outbox order.
     */
    public synchronized int relay() {
        wakePending.set(false);
        if (!mayRun.getAsBoolean()) {
            return 0;
        }
        List<Outbox.Entry> entries = outbox.unpublished(batchSize);
        if (entries.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(entries.size());
        for (Outbox.Entry entry : entries) {
            sends.add(producer.send(new ProducerRecord<>(topic, entry.paymentId(), toCloudEvent(entry))));
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            try {
                sends.get(i).get();
                acknowledged.add(entries.get(i).seq());
            } catch (ExecutionException e) {
                LOG.warn("event {} not acknowledged, will retry: {}", entries.get(i).eventId(), e.getCause().getMessage());
                break; // keep order: later events of the batch are published again next time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        outbox.markPublished(acknowledged);
        return acknowledged.size();
    }

    static CloudEvent toCloudEvent(Outbox.Entry entry) {
        boolean batch = isBatchEvent(entry.eventType());
        return CloudEventBuilder.v1()
                .withId(entry.eventId())
                .withSource(SOURCE)
                .withType(cloudEventType(entry.eventType()))
                .withSubject(entry.paymentId())
                .withTime(entry.createdAt())
                .withDataContentType("application/json")
                .withDataSchema(URI.create(batch ? BATCH_SCHEMA : PAYMENT_SCHEMA))
                .withData(entry.payload().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * A payment status ({@code SUCCEEDED}) becomes {@code io.paybridge.payment.succeeded}; a batch
     * event ({@code BATCH_COMPLETED}) becomes {@code io.paybridge.batch.completed}.
     */
    static String cloudEventType(String eventType) {
        return isBatchEvent(eventType)
                ? "io.paybridge.batch." + eventType.substring(BATCH_PREFIX.length()).toLowerCase(Locale.ROOT)
                : "io.paybridge.payment." + eventType.toLowerCase(Locale.ROOT);
    }

    private static boolean isBatchEvent(String eventType) {
        return eventType.startsWith(BATCH_PREFIX);
    }

    @Override
    public void close() {
        producer.close();
    }
}
