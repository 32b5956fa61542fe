package io.paybridge.batch;

import io.paybridge.config.Json;
import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.dispatch.RoutingRules;
import io.paybridge.intake.CommandReader;
import io.paybridge.intake.CommandSchema;
import io.paybridge.ledger.BatchClaims;
import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM with a small heap by {@code BatchLargeFileTest}: one file through the real
 * batch classes (inspection, row intake with the shared validation path, ledger claims on an H2
 * file database, checkpoints, rejects and results files) into a bounded blocking queue, drained
 * by a stand-in for dispatch that settles each payment in the ledger as a provider answer would.
 * Prints {@code HEAP <rows> <bytes used after GC>} every {@code sample} rows, then {@code DONE}.
 */
public final class BatchMemoryProbe {
    private BatchMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int sample = Integer.parseInt(args[2]);
        var json = Json.newMapper();
        Clock clock = Clock.systemUTC();
        String url = args.length > 3 ? args[3] : "jdbc:h2:file:" + work.resolve("ledger") + ";CACHE_SIZE=4096";
        var dataSource = LedgerDatabase.open(url, args.length > 4 ? args[4] : "sa", args.length > 5 ? args[5] : "", 4);
        Ledger ledger = new Ledger(dataSource, json, clock);
        ConnectorRegistry connectors = new ConnectorRegistry().register(new BluePayConnector(
                new BluePaySettings("http://127.0.0.1:9", "secret", null, null, null, null), json));
        ProviderChoice choice = new ProviderChoice(connectors, RoutingRules.parse("KE/KES/*=bluepay"));
        BatchSettings settings = new BatchSettings(work.resolve("inbox"), work.resolve("outbox"), null, Duration.ZERO,
                Duration.ofDays(1), 500, 100, 100_000);
        Batches batches = new Batches(dataSource, clock);
        BatchPayments payments = new BatchPayments(dataSource);
        BatchOutputs outputs = new BatchOutputs(settings.outbox(), batches, payments, json);
        RowIntake intake = new RowIntake(new CommandReader(json, new CommandSchema()), choice, ledger, new BatchClaims(dataSource, ledger), batches,
                new RowCommands(json));
        BatchParts parts = new BatchParts(settings, batches, payments, intake, outputs);

        long started = System.nanoTime();
        Files.createDirectories(settings.done());
        String moveTo = new BatchReception(settings, batches, outputs, clock).receive(file, file.getFileName().toString());
        Path stored = settings.inbox().resolve(moveTo);
        Files.move(file, stored);
        BatchRecord batch = batches.inStates(java.util.EnumSet.of(io.paybridge.ledger.BatchState.READING)).get(0);

        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1000);
        ExecutorService dispatch = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            dispatch.submit(() -> settle(queue, ledger));
        }
        heap(0);
        long rows = 0;
        try (BatchStream stream = new BatchStream(batch, stored, parts, () -> false, new LiveProgress(batch))) {
            while (stream.hasNext()) {
                queue.put(stream.next());
                if (++rows % sample == 0) {
                    heap(rows);
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            queue.put("");
        }
        dispatch.shutdown();
        dispatch.awaitTermination(10, TimeUnit.MINUTES);
        new BatchCompletion(parts, json, clock).checkBatch(batches.find(batch.id()).orElseThrow());
        heap(rows);
        System.out.println("DONE " + rows + " " + batches.find(batch.id()).orElseThrow().storedName() + " "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        dataSource.close();
    }

    /** Stands in for dispatch and the provider: records each payment's success as a provider answer would. */
    private static Object settle(BlockingQueue<String> queue, Ledger ledger) throws InterruptedException {
        for (String id = queue.take(); !id.isEmpty(); id = queue.take()) {
            ledger.apply(id, Outcome.of(PaymentStatus.SUCCEEDED, "P-" + id, "SUCCESS").withFee(BigDecimal.TEN), EventSource.RESPONSE);
        }
        return null;
    }

    private static void heap(long rows) {
        System.gc();
        System.out.println("HEAP " + rows + " " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
}
