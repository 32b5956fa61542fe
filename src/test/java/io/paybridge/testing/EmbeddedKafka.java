package io.paybridge.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, in-process Kafka 3.9 broker for tests: one combined KRaft node (broker and controller in
 * one server) built with {@link KafkaClusterTestKit}. There is no Docker on the build machines, so
 * Testcontainers cannot provide one.
 *
 * <p>Most tests should use {@link #shared()}: starting a broker costs a few seconds, so one is
 * started per test JVM and reused by every test class. Tests sharing it must use their own topic
 * names (and consumer groups) to stay independent.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Object SHARED_LOCK = new Object();
    private static volatile EmbeddedKafka shared;

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final boolean isShared;
    private boolean closed;

    private EmbeddedKafka(KafkaClusterTestKit cluster, boolean isShared) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
        this.isShared = isShared;
    }

    /**
     * Returns the broker shared by the whole test JVM, starting it on first use. Thread-safe.
     * A JVM shutdown hook stops it; {@link #close()} on the shared instance does nothing, so one
     * test class cannot take the broker away from the others.
     */
    public static EmbeddedKafka shared() {
        EmbeddedKafka instance = shared;
        if (instance != null) {
            return instance;
        }
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                EmbeddedKafka started = start(true);
                Runtime.getRuntime().addShutdownHook(
                        new Thread(started::shutdown, "embedded-kafka-shutdown"));
                shared = started;
            }
            return shared;
        }
    }

    /** Starts a private broker (e.g. for a demo launcher); the caller must {@link #close()} it. */
    public static EmbeddedKafka startNew() {
        return start(false);
    }

    private static EmbeddedKafka start(boolean isShared) {
        long startedAt = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // A single node cannot host replicas 2 and 3 of the internal topics.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    // Otherwise the first consumer group waits 3 s before its first rebalance.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // One partition instead of 50 makes the first consumer group join faster.
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster, isShared);
            LOG.info("Embedded Kafka ready at {} in {} ms", kafka.bootstrapServers,
                    (System.nanoTime() - startedAt) / 1_000_000);
            return kafka;
        } catch (Exception e) {
            if (cluster != null) {
                closeQuietly(cluster);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }

    /** The {@code host:port} list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates each topic with one partition; topics that already exist are left as they are. */
    public void createTopics(String... names) {
        create(Arrays.stream(names).map(n -> new NewTopic(n, 1, (short) 1)).collect(Collectors.toList()));
    }

    /** Creates a topic with the given number of partitions, unless it already exists. */
    public void createTopic(String name, int partitions) {
        create(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    private void create(List<NewTopic> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            // Check each topic's future separately so an existing topic does not hide a real failure.
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /** A new producer with {@code String} keys and {@code byte[]} values; the caller closes it. */
    public KafkaProducer<String, byte[]> newProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /**
     * A new consumer in the given group that starts from the earliest offset and never commits by
     * itself (tests decide what to commit); the caller closes it.
     */
    public KafkaConsumer<String, byte[]> newConsumer(String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /**
     * Reads {@code topic} from the beginning with a fresh, random consumer group, polling until
     * {@code until} accepts everything read so far or {@code max} has elapsed, and returns the
     * records read (possibly fewer than wanted: assert on the result).
     */
    public List<ConsumerRecord<String, byte[]>> readAll(
            String topic, Duration max, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        Instant deadline = Instant.now().plus(max);
        try (KafkaConsumer<String, byte[]> consumer = newConsumer("read-all-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            while (!until.test(Collections.unmodifiableList(read))) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                // Short polls so `until` is re-checked soon after each batch arrives.
                Duration pollFor = left.compareTo(Duration.ofMillis(200)) < 0 ? left : Duration.ofMillis(200);
                consumer.poll(pollFor).forEach(read::add);
            }
        }
        return List.copyOf(read);
    }

    /**
     * Stops a broker from {@link #startNew()} and deletes its data. Does nothing on the
     * {@link #shared()} broker, which lives until the JVM exits.
     */
    @Override
    public void close() {
        if (!isShared) {
            shutdown();
        }
    }

    private synchronized void shutdown() {
        if (!closed) {
            closed = true;
            closeQuietly(cluster);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            // Nothing useful to do while tearing down; the data lives in a temp dir anyway.
            System.err.println("Embedded Kafka did not close cleanly: " + e);
        }
    }
}
