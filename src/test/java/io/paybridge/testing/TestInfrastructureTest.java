package io.paybridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Proves the shared Kafka broker and PostgreSQL server are real and usable. */
class TestInfrastructureTest {

    @Test
    void kafkaRoundTripsRecords() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = "infra-test-roundtrip";
        kafka.createTopics(topic);
        kafka.createTopics(topic); // a second call must be harmless

        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            for (int i = 1; i <= 3; i++) {
                // get() so every send is acknowledged before we start reading
                producer.send(new ProducerRecord<>(topic, "k" + i, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }

        List<ConsumerRecord<String, byte[]>> records =
                kafka.readAll(topic, Duration.ofSeconds(30), read -> read.size() >= 3);

        assertThat(records).extracting(ConsumerRecord::key).containsExactly("k1", "k2", "k3");
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("v1", "v2", "v3");
        assertThat(EmbeddedKafka.shared()).isSameAs(kafka);
    }

    @Test
    void kafkaCreatesTopicWithRequestedPartitions() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        kafka.createTopic("infra-test-partitioned", 3);
        kafka.createTopic("infra-test-partitioned", 3);

        try (var consumer = kafka.newConsumer("infra-test-partitions")) {
            assertThat(consumer.partitionsFor("infra-test-partitioned")).hasSize(3);
        }
    }

    @Test
    void postgresIsARealServer() throws Exception {
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        try (Connection c = pg.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void freshDatabaseIsEmptyAndWritable() throws Exception {
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        String url = pg.freshDatabase();
        assertThat(url).isNotEqualTo(pg.freshDatabase());

        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "select count(*) from information_schema.tables where table_schema = 'public'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            s.execute("create table payment (id bigint primary key, amount numeric(18,2) not null)");
            s.execute("insert into payment values (1, 12.50), (2, 7.25)");
            try (ResultSet rs = s.executeQuery("select sum(amount) from payment")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("19.75");
            }
        }
    }
}
