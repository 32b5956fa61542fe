package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ERP topic → ledger → BluePay simulator over HTTP → callbacks → events topic, on a real broker. */
class KafkaIntakeFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of());
    }

    /**
     * Offsets are committed asynchronously, after the poll's records are in the ledger: the
     * group's committed offset reaches the end of the topic without waiting for more traffic, and
     * every record below it is held by the ledger.
     */
    @Test
    void committedOffsetReachesTheEndAndEveryCommittedRecordIsInTheLedger() throws Exception {
        for (int i = 0; i < 5; i++) {
            produce("k-off-" + i, command("k-off-" + i, "PAYOUT", "500", "0712345678"));
        }
        String topic = app.property("paybridge.topics.requests");
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(app.property("paybridge.kafka.consumer-group"))
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() == end;
            });
        }
        for (int i = 0; i < 5; i++) {
            assertThat(app.ledger().find("k-off-" + i)).as("k-off-" + i).isPresent();
        }
    }

    @Test
    void anErpCollectionBecomesSucceededEvents() {
        produce("k-ok", command("k-ok", "COLLECTION", "100", "0712345678"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil("k-ok", "SUCCEEDED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(bluePay.createCount("k-ok")).isEqualTo(1);
        ConsumerRecord<String, byte[]> last = events.get(events.size() - 1);
        assertThat(json(last.value()).at("/metadata/erpRef").asText()).isEqualTo("k-ok");
        assertThat(json(last.value()).path("providerReference").asText()).startsWith("ws_CO_");
    }

    @Test
    void eventsAreCloudEventsInBinaryModeValidAgainstTheSchema() {
        produce("k-ce", command("k-ce", "PAYOUT", "500", "0712345678"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil("k-ce", "SUCCEEDED");
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:schemas/payment-event.schema.json"));
        for (ConsumerRecord<String, byte[]> event : events) {
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(event, "ce_id")).isEqualTo(field(event, "eventId"));
            assertThat(header(event, "ce_type")).isEqualTo("io.paybridge.payment." + field(event, "status").toLowerCase());
            assertThat(header(event, "ce_subject")).isEqualTo("k-ce");
            assertThat(header(event, "ce_source")).isEqualTo("urn:paybridge");
            assertThat(header(event, "content-type")).isEqualTo("application/json");
            assertThat(schema.validate(json(event.value()))).isEmpty();
        }
        assertThat(json(events.get(events.size() - 1).value()).path("fee").asText()).isEqualTo("15.00");
    }

    @Test
    void aProviderFailureBecomesAFailedEventWithTheReason() {
        produce("k-fail", command("k-fail", "PAYOUT", "500", "0712345999"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil("k-fail", "FAILED");
        var failed = json(events.get(events.size() - 1).value());
        assertThat(failed.at("/reason/code").asText()).isEqualTo("DECLINED");
        assertThat(failed.at("/reason/message").asText()).isEqualTo("The initiator information is invalid.");
        assertThat(failed.path("previousStatus").asText()).isIn("PENDING", "SUBMITTED");
    }

    @Test
    void anInvalidMessageGoesToTheDlqNamingTheFieldAndTheConsumerMovesOn() {
        produce("k-bad", "{\"id\":\"k-bad\",\"type\":\"PAYOUT\",\"amount\":12.5,\"currency\":\"KES\",\"country\":\"KE\"}");
        produce("k-after-bad", command("k-after-bad", "PAYOUT", "200", "0712345678"));
        ConsumerRecord<String, byte[]> dead = dlqUntil("k-bad").get(0);
        assertThat(header(dead, "paybridge_error_class")).isEqualTo("invalid-input");
        assertThat(header(dead, "paybridge_error_field")).isEqualTo("amount");
        assertThat(header(dead, "paybridge_error_rule")).isEqualTo("type");
        assertThat(header(dead, "paybridge_error")).contains("decimal text");
        assertThat(header(dead, "paybridge_original_topic")).isEqualTo(app.property("paybridge.topics.requests"));
        assertThat(header(dead, "paybridge_original_partition")).isEqualTo("0");
        assertThat(Long.parseLong(header(dead, "paybridge_original_offset"))).isGreaterThanOrEqualTo(0);
        assertThat(new String(dead.value())).contains("\"amount\":12.5"); // original bytes, untouched
        assertThat(statuses(eventsUntil("k-after-bad", "SUCCEEDED"))).contains("SUCCEEDED");
        assertThat(app.ledger().find("k-bad")).isEmpty();
    }

    @Test
    void notJsonGoesToTheDlq() {
        produce("k-garbage", "this is not json");
        ConsumerRecord<String, byte[]> dead = dlqUntil("k-garbage").get(0);
        assertThat(header(dead, "paybridge_error_rule")).isEqualTo("json");
        assertThat(header(dead, "paybridge_error_field")).isEqualTo("$");
    }

    @Test
    void aCommandTheProviderWouldRefuseIsRejectedBeforeAnyCall() {
        produce("k-limit", command("k-limit", "COLLECTION", "300000", "0712345678"));
        ConsumerRecord<String, byte[]> dead = dlqUntil("k-limit").get(0);
        assertThat(header(dead, "paybridge_error_rule")).isEqualTo("bluepay.stk.amount-range");
        assertThat(header(dead, "paybridge_error")).contains("KES 1–250000");
        assertThat(bluePay.receivedReferences()).doesNotContain("k-limit");
    }

    @Test
    void aDuplicateMessageMakesOneProviderCall() {
        String body = command("k-dup", "COLLECTION", "150", "0712345678");
        produce("k-dup", body);
        produce("k-dup", body);
        produce("k-dup-conflict", command("k-dup", "COLLECTION", "999", "0712345678"));
        ConsumerRecord<String, byte[]> conflict = dlqUntil("k-dup-conflict").get(0);
        assertThat(header(conflict, "paybridge_error_class")).isEqualTo("conflict");
        assertThat(header(conflict, "paybridge_error_field")).isEqualTo("id");
        assertThat(statuses(eventsUntil("k-dup", "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(bluePay.createCount("k-dup")).isEqualTo(1);
        assertThat(bluePay.receivedReferences().stream().filter("k-dup"::equals)).hasSize(1);
    }
}
