package io.paybridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.ledger.DlqReplays;
import io.paybridge.ops.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/dlq/replay} (routes/dlq-replay.camel.yaml): DLQ records go back through the
 * normal intake step, so validation and the ledger claim decide as for any new record. A payment
 * that exists already is not sent again (REPEAT), a record that still fails lands on the DLQ again
 * with its reason and {@code paybridge_replay_of}, and each replay is recorded so that replaying a
 * record twice answers "already replayed" unless forced.
 */
public final class DlqReplay {
    private static final Logger LOG = LoggerFactory.getLogger(DlqReplay.class);
    static final String ALREADY_REPLAYED = "ALREADY_REPLAYED";

    /** One DLQ record in a replay and what came of it. */
    public static final class Item {
        final DlqRecord record;
        final byte[] corrected;
        String result;
        String paymentId;
        String detail;

        Item(DlqRecord record, byte[] corrected) {
            this.record = record;
            this.corrected = corrected;
        }
    }

    /** The whole replay: its answer when it failed before any record (400, 404), or the items. */
    static final class Run {
        final List<Item> items = new ArrayList<>();
        int status = 200;
        String error;
    }

    /** Properties private to the replay route: the run's collector and the request's force flag. */
    private static final String RUN = "paybridgeReplayRun";
    private static final String FORCE = "paybridgeReplayForce";

    private final DlqReader reader;
    private final DlqReplays replays;
    private final ObjectMapper json;
    private final Metrics metrics;

    public DlqReplay(DlqReader reader, DlqReplays replays, ObjectMapper json, Metrics metrics) {
        this.reader = reader;
        this.replays = replays;
        this.json = json;
        this.metrics = metrics;
    }

    /** Reads the request and the records it names; the body becomes the list of items to split over. */
    public void select(Exchange exchange) {
        Run run = new Run();
        exchange.setProperty(RUN, run);
        ReplayRequest request;
        try {
            request = ReplayRequest.parse(exchange.getMessage().getBody(byte[].class), json);
        } catch (IllegalArgumentException bad) {
            exchange.getMessage().setBody(List.of());
            run.status = 400;
            run.error = bad.getMessage();
            return;
        }
        exchange.setProperty(FORCE, request.force());
        if (request.all()) {
            // A record that is itself the refusal of a replay was replayed already: "all" leaves it (and so
            // never chases its own output) unless forced; it can always be replayed by its offset.
            reader.scan(r -> (request.errorClass() == null || request.errorClass().equals(r.errorClass()))
                    && (request.force() || r.header(ExchangeKeys.DLQ_REPLAY_OF) == null
                            && replays.find(r.topic(), r.partition(), r.offset()).isEmpty()), request.limit())
                    .forEach(r -> run.items.add(new Item(r, null)));
        } else {
            Optional<DlqRecord> one = reader.one(request.partition(), request.offset());
            if (one.isEmpty()) {
                run.status = 404;
                run.error = "no record at " + reader.topic() + "/" + request.partition() + "/" + request.offset();
            } else {
                run.items.add(new Item(one.get(), request.corrected()));
            }
        }
        exchange.getMessage().setBody(List.copyOf(run.items));
    }

    /** Per item: skip one replayed before (unless forced); else put the record's bytes, key and origin on the message. */
    public void prepare(Exchange exchange) {
        Item item = exchange.getMessage().getBody(Item.class);
        exchange.setProperty(ExchangeKeys.REPLAY_ITEM, item);
        DlqRecord r = item.record;
        boolean force = exchange.getProperty(FORCE, false, Boolean.class);
        Optional<DlqReplays.Replay> before = force ? Optional.empty() : replays.find(r.topic(), r.partition(), r.offset());
        exchange.setProperty(ExchangeKeys.REPLAYING, before.isEmpty());
        if (before.isPresent()) {
            finish(item, ALREADY_REPLAYED, before.get().paymentId(), "replayed before (result " + before.get().result()
                    + "); add \"force\": true to replay it again");
            return;
        }
        Message m = exchange.getMessage();
        m.getHeaders().clear(); // nothing of the HTTP request may reach a Kafka record
        m.setBody(item.corrected != null ? item.corrected : r.value());
        m.setHeader(KafkaConstants.KEY, r.key());
        m.setHeader(KafkaConstants.TOPIC, r.header(ExchangeKeys.DLQ_ORIGINAL_TOPIC));
        m.setHeader(KafkaConstants.PARTITION, r.header(ExchangeKeys.DLQ_ORIGINAL_PARTITION));
        m.setHeader(KafkaConstants.OFFSET, r.header(ExchangeKeys.DLQ_ORIGINAL_OFFSET));
        m.setHeader(ExchangeKeys.DLQ_REPLAY_OF, r.coordinates());
        exchange.setProperty(ExchangeKeys.ATTEMPTS, r.attempts());
    }

    /** After intake (and the DLQ, if it refused the record again): record the replay and its result. */
    public void done(Exchange exchange) {
        Item item = exchange.getProperty(ExchangeKeys.REPLAY_ITEM, Item.class);
        IntakeResult result = exchange.getProperty(ExchangeKeys.INTAKE_RESULT, IntakeResult.class);
        String verdict = result.verdict().name();
        String detail = switch (result.verdict()) {
            case NEW -> "accepted; being sent to " + result.payment().provider();
            case REPEAT -> "payment exists already (" + result.payment().status() + "); nothing sent again";
            case CONFLICT, REJECTED -> "refused again, back on the DLQ: " + result.invalid().summary();
        };
        replays.record(item.record.topic(), item.record.partition(), item.record.offset(), verdict, clip(result.paymentId()));
        finish(item, verdict, result.paymentId(), detail);
        LOG.info("DLQ record {} replayed: {} {}", item.record.coordinates(), verdict, detail);
    }

    private void finish(Item item, String result, String paymentId, String detail) {
        item.result = result;
        item.paymentId = paymentId;
        item.detail = detail;
        metrics.replayed(result);
    }

    /** The HTTP answer: every item with its result, or the request's error. */
    public void answer(Exchange exchange) throws JsonProcessingException {
        Run run = exchange.getProperty(RUN, Run.class);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, run.status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (run.error != null) {
            m.setBody(json.writeValueAsString(Map.of("error", run.error)));
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Item item : run.items) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("record", item.record.coordinates());
            one.put("key", item.record.key());
            one.put("paymentId", item.paymentId);
            one.put("result", item.result);
            one.put("detail", item.detail);
            results.add(one);
        }
        m.setBody(json.writeValueAsString(Map.of("records", results.size(), "results", results)));
    }

    private static String clip(String id) {
        return id == null || id.length() <= 255 ? id : id.substring(0, 255);
    }
}
