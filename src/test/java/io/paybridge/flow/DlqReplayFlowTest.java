package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /admin/dlq/replay over a real broker and the BluePay simulator: a replayed record goes
 * through intake again, so a corrected record is paid once however often it is replayed, a record
 * still invalid lands on the DLQ again (attempts counted, replay_of named), and a payment that
 * exists already is never sent twice.
 */
class DlqReplayFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of());
    }

    @Test
    void aCorrectedRecordIsPaidOnceHoweverOftenItIsReplayed() throws Exception {
        produce("r-fix", "{\"id\":\"r-fix\",\"type\":\"PAYOUT\",\"amount\":250,\"currency\":\"KES\",\"country\":\"KE\","
                + "\"customer\":{\"phone\":\"0712345678\"}}");
        ConsumerRecord<String, byte[]> dead = dlqUntil("r-fix").get(0);
        assertThat(header(dead, "paybridge_error_class")).isEqualTo("invalid-input");
        assertThat(header(dead, "paybridge_attempts")).isEqualTo("1");
        assertThat(header(dead, "paybridge_failed_at")).isNotBlank();
        assertThat(app.ledger().find("r-fix")).isEmpty();

        String corrected = command("r-fix", "PAYOUT", "250", "0712345678");
        JsonNode first = replay(dead, ",\"command\":" + corrected);
        assertThat(first.at("/results/0/result").asText()).isEqualTo("NEW");
        assertThat(first.at("/results/0/paymentId").asText()).isEqualTo("r-fix");
        awaitStatus("r-fix", "SUCCEEDED");

        JsonNode again = replay(dead, ",\"command\":" + corrected);
        assertThat(again.at("/results/0/result").asText()).isEqualTo("ALREADY_REPLAYED");
        JsonNode forced = replay(dead, ",\"command\":" + corrected + ",\"force\":true");
        assertThat(forced.at("/results/0/result").asText()).isEqualTo("REPEAT");
        assertThat(bluePay.createCount("r-fix")).isEqualTo(1);
        List<String> statuses = statuses(eventsUntil("r-fix", "SUCCEEDED"));
        assertThat(statuses).doesNotHaveDuplicates().startsWith("RECEIVED", "SUBMITTED").endsWith("SUCCEEDED");
    }

    @Test
    void aRecordStillInvalidLandsOnTheDlqAgainNamingWhereItCameFrom() throws Exception {
        produce("r-bad", "{\"id\":\"r-bad\",\"type\":\"PAYOUT\",\"amount\":12.5,\"currency\":\"KES\",\"country\":\"KE\"}");
        ConsumerRecord<String, byte[]> dead = dlqUntil("r-bad").get(0);
        JsonNode answer = replay(dead, "");
        assertThat(answer.at("/results/0/result").asText()).isEqualTo("REJECTED");
        assertThat(answer.at("/results/0/detail").asText()).contains("amount");
        List<ConsumerRecord<String, byte[]>> both = kafka.readAll(app.property("paybridge.topics.dlq"), java.time.Duration.ofSeconds(30),
                recs -> recs.stream().filter(r -> "r-bad".equals(r.key())).count() >= 2).stream().filter(r -> "r-bad".equals(r.key())).toList();
        ConsumerRecord<String, byte[]> again = both.get(1);
        String coordinates = dead.topic() + "/" + dead.partition() + "/" + dead.offset();
        assertThat(header(again, "paybridge_replay_of")).isEqualTo(coordinates);
        assertThat(header(again, "paybridge_attempts")).isEqualTo("2");
        assertThat(header(again, "paybridge_error_field")).isEqualTo("amount");
        assertThat(header(again, "paybridge_original_offset")).isEqualTo(header(dead, "paybridge_original_offset"));
        assertThat(header(again, "paybridge_original_topic")).isEqualTo(app.property("paybridge.topics.requests"));
        assertThat(header(again, "User-Agent")).isNull(); // nothing of the HTTP request leaks onto the record
        assertThat(new String(again.value())).isEqualTo(new String(dead.value()));
        assertThat(app.ledger().find("r-bad")).isEmpty();
    }

    @Test
    void aRecordWhosePaymentExistsIsNotSentAgain() throws Exception {
        String body = command("r-dup", "COLLECTION", "150", "0712345678");
        produce("r-dup", body);
        awaitStatus("r-dup", "SUCCEEDED");
        produce("r-dup-conflict", command("r-dup", "COLLECTION", "999", "0712345678"));
        ConsumerRecord<String, byte[]> conflict = dlqUntil("r-dup-conflict").get(0);
        assertThat(header(conflict, "paybridge_error_class")).isEqualTo("conflict");
        assertThat(replay(conflict, "").at("/results/0/result").asText()).isEqualTo("CONFLICT");
        JsonNode same = replay(conflict, ",\"force\":true,\"command\":" + body);
        assertThat(same.at("/results/0/result").asText()).isEqualTo("REPEAT");
        assertThat(same.at("/results/0/detail").asText()).contains("SUCCEEDED");
        assertThat(bluePay.createCount("r-dup")).isEqualTo(1);
    }

    @Test
    void replayAllTakesOnlyRecordsNotReplayedYetOfTheClassAsked() throws Exception {
        produce("r-all-1", "not json");
        produce("r-all-2", "{\"id\":\"r-all-2\"}");
        dlqUntil("r-all-2");
        JsonNode first = post("{\"all\":true,\"errorClass\":\"invalid-input\",\"limit\":1000}");
        assertThat(first.path("records").asInt()).isGreaterThanOrEqualTo(2);
        first.path("results").forEach(r -> assertThat(r.path("result").asText()).isIn("REJECTED", "CONFLICT", "NEW", "REPEAT"));
        // The first run took every record; what it put back on the DLQ is the refusal of a replay, not a new record.
        JsonNode second = post("{\"all\":true,\"errorClass\":\"invalid-input\",\"limit\":1000}");
        assertThat(second.path("records").asInt()).isZero();
        JsonNode none = post("{\"all\":true,\"errorClass\":\"no-such-class\"}");
        assertThat(none.path("records").asInt()).isZero();
    }

    @Test
    void badRequestsAreAnsweredNamingTheField() throws Exception {
        assertThat(post("/admin/dlq/replay", "{}", Map.of()).statusCode()).isEqualTo(400);
        HttpResponse<String> limit = post("/admin/dlq/replay", "{\"all\":true,\"limit\":0}", Map.of());
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).contains("limit");
        assertThat(post("/admin/dlq/replay", "nope", Map.of()).statusCode()).isEqualTo(400);
        assertThat(post("/admin/dlq/replay", "{\"partition\":0,\"offset\":99999999}", Map.of()).statusCode()).isEqualTo(404);
    }

    private static JsonNode replay(ConsumerRecord<String, byte[]> dead, String extra) throws Exception {
        return post("{\"partition\":" + dead.partition() + ",\"offset\":" + dead.offset() + extra + "}");
    }

    private static JsonNode post(String body) throws Exception {
        HttpResponse<String> answer = post("/admin/dlq/replay", body, Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
