package io.paybridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.PaymentEvent;
import io.paybridge.provider.Connector;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The plain-Java twin of the end-to-end benches (bench/webhooks, bench/backlog): what someone
 * would write by hand with the project's own classes (BluePay connector: signing, verifier,
 * mappers; {@link Ledger}: the same PostgreSQL tables and one transaction per state change) and
 * bare JDK / Kafka clients instead of Camel. Each committed state change is sent straight to the
 * events topic from the committing thread (no outbox relay hop), with the relay's producer
 * settings (acks=all, idempotent, linger 5 ms).
 *
 * <p>Arguments: the bundle's properties file, then {@code webhooks} or {@code backlog}. The batch
 * flow's twin, {@link PlainBatchTwin}, shares its producer and event records.
 */
public final class PlainTwin {
    private PlainTwin() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = BenchSupport.readProperties(args[0]);
        ObjectMapper json = Json.newMapper();
        HikariDataSource dataSource = LedgerDatabase.open(p.getProperty("paybridge.ledger.url"),
                p.getProperty("paybridge.ledger.username"), p.getProperty("paybridge.ledger.password"),
                Integer.parseInt(p.getProperty("paybridge.ledger.pool-size", "10")));
        LedgerDatabase.migrate(dataSource);
        Ledger ledger = new Ledger(dataSource, json, Clock.systemUTC());
        Connector bluePay = new BluePayConnector(new BluePaySettings(p.getProperty("paybridge.bluepay.base-url"),
                p.getProperty("paybridge.bluepay.api-secret"), null, null, p.getProperty("paybridge.bluepay.channel-id"),
                p.getProperty("paybridge.bluepay.callback-url")), json);
        KafkaProducer<String, byte[]> producer = producer(p.getProperty("paybridge.kafka.brokers"));
        String events = p.getProperty("paybridge.topics.events");
        ledger.onTransition(event -> producer.send(record(events, event, json)));
        if ("webhooks".equals(args[1])) {
            PlainWebhookServer.start(Integer.parseInt(p.getProperty("paybridge.http.port")), bluePay, ledger);
        } else {
            PlainBacklogConsumer.start(p, json, bluePay, ledger);
        }
        System.out.println("PLAIN READY");
        new CountDownLatch(1).await();
    }

    static KafkaProducer<String, byte[]> producer(String brokers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** The event as JSON with the CloudEvent type header the bundle's relay sets (what the bench watches for). */
    static ProducerRecord<String, byte[]> record(String topic, PaymentEvent event, ObjectMapper json) {
        try {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, event.paymentId(), json.writeValueAsBytes(event));
            r.headers().add("ce_id", event.eventId().getBytes(StandardCharsets.UTF_8));
            r.headers().add("ce_type", ("io.paybridge.payment." + event.status().name().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
