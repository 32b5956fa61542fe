package io.paybridge.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.dispatch.RoutingRules;
import io.paybridge.intake.CommandReader;
import io.paybridge.intake.CommandSchema;
import io.paybridge.ledger.BatchClaims;
import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.ClaimResult;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The batch flow's plain-Java twin, the one the batch benchmark compares paybridge with by
 * default (bench/batch/README.md): what someone would write by hand with the project's own
 * classes, doing the work the bundle does for each row. It streams the CSV (jackson-dataformat-csv),
 * validates each row with {@link CommandReader} (schema, contract rules, phone normalisation) and
 * {@link ProviderChoice} (routing, BluePay's rules), claims valid rows {@code paybridge.batch.claim-rows}
 * at a time in one transaction with {@link BatchClaims} (what the bundle's reader does: a claim
 * per row is 20–80× slower, and nobody paying a million rows would keep it), sends them through
 * {@link TwinDispatch}, applies each verified callback with {@link PlainWebhookServer} (the
 * webhook twin's door), publishes every committed change straight to the events topic with a
 * plain {@link KafkaProducer} (no outbox relay), and once every payment is terminal or in review
 * writes the results file from the ledger. A lost answer is resent once as the bundle does for a
 * BluePay payout; otherwise no batch bookkeeping (resume point, batches table), no retries, no
 * status queries, no metrics, no breaker.
 *
 * <p>Arguments: the bundle's properties file (the same one paybridge gets), the CSV file, and the
 * folder for the rejects and results files. Prints {@code TWIN NANOS <n>} (first row read to the
 * results written) and {@code TWIN COUNTS claimed=… rejected=… review=…}; with
 * {@code -Dpaybridge.heap-log-ms=N}, {@code HEAP <bytes>} after a full collection every N ms, as
 * the bundle's child does.
 */
final class PlainBatchTwin {
    public static void main(String[] args) throws Exception {
        Properties p = BenchSupport.readProperties(args[0]);
        ObjectMapper json = Json.newMapper();
        HikariDataSource dataSource = LedgerDatabase.open(p.getProperty("paybridge.ledger.url"),
                p.getProperty("paybridge.ledger.username"), p.getProperty("paybridge.ledger.password"),
                Integer.parseInt(p.getProperty("paybridge.ledger.pool-size", "10")));
        Ledger ledger = new Ledger(dataSource, json, Clock.systemUTC());
        BluePayConnector bluePay = new BluePayConnector(new BluePaySettings(p.getProperty("paybridge.bluepay.base-url"),
                p.getProperty("paybridge.bluepay.api-secret"), null, null, p.getProperty("paybridge.bluepay.channel-id"),
                p.getProperty("paybridge.bluepay.callback-url")), json);
        KafkaProducer<String, byte[]> producer = PlainTwin.producer(p.getProperty("paybridge.kafka.brokers"));
        String events = p.getProperty("paybridge.topics.events");
        TwinSettlement settlement = new TwinSettlement();
        ledger.onTransition(event -> {
            producer.send(PlainTwin.record(events, event, json));
            settlement.committed(event);
        });
        PlainWebhookServer.start(Integer.parseInt(p.getProperty("paybridge.http.port")), bluePay, ledger);
        TwinDispatch dispatch = new TwinDispatch(bluePay, ledger, Integer.parseInt(p.getProperty("paybridge.batch.concurrency", "4")),
                Integer.parseInt(p.getProperty("paybridge.batch.queue-size", "1000")),
                Duration.ofMillis(Long.parseLong(p.getProperty("paybridge.providers.connect-timeout-ms", "5000"))),
                Duration.ofMillis(Long.parseLong(p.getProperty("paybridge.providers.response-timeout-ms", "30000"))),
                Duration.ofMillis(Long.parseLong(p.getProperty("paybridge.dispatch.lost-answer-delay-ms", "2000"))));
        PlainBatchTwin twin = new PlainBatchTwin(new CommandReader(json, new CommandSchema()),
                new ProviderChoice(new ConnectorRegistry().register(bluePay),
                        RoutingRules.parse(p.getProperty("paybridge.routing.rules", "KE/KES/*=bluepay"))),
                new BatchClaims(dataSource, ledger), dispatch, json, Integer.parseInt(p.getProperty("paybridge.batch.claim-rows", "100")));
        logHeap();

        Path out = Path.of(args[2]);
        long started = System.nanoTime();
        try (TwinFiles rejects = new TwinFiles(out, "twin.csv")) {
            twin.read(Path.of(args[1]), rejects);
        }
        while (settlement.ended() < twin.claimed) {
            Thread.sleep(20); // a benchmark program polling a counter
        }
        TwinFiles.writeResults(out, "twin.csv", new BatchPayments(dataSource), twin.batchId);
        producer.flush();
        long nanos = System.nanoTime() - started;
        System.out.println("TWIN NANOS " + nanos);
        System.out.printf("TWIN COUNTS claimed=%d rejected=%d review=%d%n", twin.claimed, twin.rejected, settlement.inReview());
        System.exit(0);
    }

    private final CommandReader reader;
    private final ProviderChoice providers;
    private final BatchClaims claims;
    private final TwinDispatch dispatch;
    private final ObjectMapper json;
    private final List<PaymentCommand> chunk;
    private final int claimRows;
    private final String batchId = "twin-" + Long.toHexString(System.nanoTime());
    private long claimed;
    private long rejected;

    private PlainBatchTwin(CommandReader reader, ProviderChoice providers, BatchClaims claims, TwinDispatch dispatch, ObjectMapper json,
            int claimRows) {
        this.reader = reader;
        this.providers = providers;
        this.claims = claims;
        this.dispatch = dispatch;
        this.json = json;
        this.claimRows = claimRows;
        this.chunk = new ArrayList<>(claimRows);
    }

    /** Validates every row, claims the valid ones a chunk at a time and hands the new payments to dispatch. */
    private void read(Path file, TwinFiles rejects) throws Exception {
        try (MappingIterator<String[]> records = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(file.toFile())) {
            String[] header = records.nextValue();
            long line = 1;
            while (records.hasNextValue()) {
                String[] cells = records.nextValue();
                line++;
                CommandReader.Result read = reader.read(command(header, cells, line));
                List<Violation> violations = read.invalid() != null ? read.invalid().violations() : List.of();
                ProviderChoice.Result bound = read.command() == null ? null : providers.bind(read.command());
                if (bound != null && bound.command() == null) {
                    violations = bound.violations();
                }
                if (!violations.isEmpty()) {
                    rejects.reject(line, cells.length > 0 ? cells[0] : null, violations);
                    rejected++;
                } else {
                    chunk.add(bound.command());
                    if (chunk.size() == claimRows) {
                        settle(rejects);
                    }
                }
            }
        }
        settle(rejects);
    }

    /** Claims the chunk in one transaction; a reference the ledger already holds (or an earlier row of the file) is rejected. */
    private void settle(TwinFiles rejects) throws Exception {
        List<ClaimResult> results = claims.claimAll(chunk);
        for (int i = 0; i < results.size(); i++) {
            PaymentCommand command = chunk.get(i);
            if (results.get(i).created()) {
                claimed++;
                dispatch.put(command);
            } else {
                rejected++;
                rejects.reject(command.batch().line(), command.id(), List.of(new Violation("id", "unique-in-ledger",
                        "reference '" + command.id() + "' is already in the ledger; it is not paid again")));
            }
        }
        chunk.clear();
    }

    /** The row as the canonical command JSON every intake door produces (cells trimmed, empty cells absent). */
    private ObjectNode command(String[] header, String[] cells, long line) {
        ObjectNode command = json.createObjectNode();
        ObjectNode customer = json.createObjectNode();
        for (int i = 0; i < Math.min(header.length, cells.length); i++) {
            String value = cells[i] == null ? "" : cells[i].strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (header[i].strip().toLowerCase(Locale.ROOT)) {
                case "reference" -> command.put("id", value);
                case "currency", "country" -> command.put(header[i].strip().toLowerCase(Locale.ROOT), value.toUpperCase(Locale.ROOT));
                case "phone", "name" -> customer.put(header[i].strip().toLowerCase(Locale.ROOT), value);
                default -> command.put(header[i].strip().toLowerCase(Locale.ROOT), value);
            }
        }
        command.put("type", "PAYOUT");
        if (!customer.isEmpty()) {
            command.set("customer", customer);
        }
        command.putObject("batch").put("fileId", batchId).put("line", line);
        return command;
    }

    /** {@code HEAP <bytes>} after a full collection every {@code paybridge.heap-log-ms}, measured as BatchAppMain measures the bundle. */
    private static void logHeap() {
        long every = Long.getLong("paybridge.heap-log-ms", 0);
        if (every <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(every); // a process-level sampler
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
                System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }, "heap-log");
        t.setDaemon(true);
        t.start();
    }
}
