package io.paybridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.batch.BatchAppMain;
import io.paybridge.batch.BatchGenerator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.ChildJvm;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * End-to-end batch throughput (bench/batch/README.md; not part of the test suite). One run, two
 * contenders against the same BluePay simulator: {@link PlainPayouts} (the HTTP and signing work
 * alone) and paybridge itself in a child JVM capped at {@code -Xmx256m}, on a PostgreSQL ledger,
 * paying a generated file dropped in its inbox. Prints rows per second for both, their ratio, and
 * the child's largest heap-after-GC sample.
 *
 * <p>Arguments: rows (default 1,000,000), concurrency towards the provider (default 8).
 */
public final class BatchThroughputBench {
    private BatchThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path work = Files.createTempDirectory("paybridge-bench-");
        BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bluePay.setB2cBalance(new BigDecimal("100000000000"));
        bluePay.setServiceTokens(new BigDecimal("100000000000"));
        String secret = BluePaySimulator.Settings.defaults().apiSecret();

        Path plainFile = work.resolve("plain.csv");
        BatchGenerator.write(plainFile, "PLAIN", rows);
        System.out.printf("bench: %,d rows, concurrency %d, work dir %s%n", rows, concurrency, work);
        long plainNanos = new PlainPayouts(bluePay.baseUrl(), secret, concurrency).run(plainFile, rows);
        double plainRate = rows / (plainNanos / 1e9);
        System.out.printf("bench: plain Java  %,10.0f rows/s (%.1f s)%n", plainRate, plainNanos / 1e9);

        Path batchFile = work.resolve("paybridge.csv");
        BatchGenerator.write(batchFile, "PB", rows);
        Path props = properties(work, bluePay, concurrency);
        Path log = work.resolve("paybridge.log");
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx256m", "-Dpaybridge.heap-log-ms=5000",
                "-Dlogback.configurationFile=" + Path.of("bench", "batch", "logback-bench.xml").toAbsolutePath()));
        String extra = System.getProperty("bench.child-jvm-options", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording of the child
        }
        Process child = ChildJvm.start(BatchAppMain.class, jvm, log, props.toString());
        try {
            waitFor(() -> Files.readString(log).contains("PAYBRIDGE READY"), child);
            Path inbox = work.resolve("inbox");
            Files.createDirectories(inbox);
            long started = System.nanoTime();
            Files.move(batchFile, inbox.resolve("bench.csv"), StandardCopyOption.ATOMIC_MOVE);
            Path outbox = work.resolve("outbox");
            waitFor(() -> settled(outbox), child);
            long paybridgeNanos = System.nanoTime() - started;
            double rate = rows / (paybridgeNanos / 1e9);
            long maxHeap;
            try (Stream<String> lines = Files.lines(log)) {
                maxHeap = lines.filter(l -> l.startsWith("HEAP ")).mapToLong(l -> Long.parseLong(l.substring(5).trim())).max().orElse(-1);
            }
            System.out.printf("bench: paybridge   %,10.0f rows/s (%.1f s), heap after GC at most %,d MB of 256%n", rate,
                    paybridgeNanos / 1e9, maxHeap / (1024 * 1024));
            System.out.printf("bench: ratio paybridge / plain Java = %.3f%n", rate / plainRate);
        } finally {
            child.destroy();
            bluePay.close();
        }
        System.exit(0);
    }

    private static boolean settled(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return false;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            Path summary = files.filter(f -> f.getFileName().toString().endsWith("bench.csv.summary.json")).findFirst().orElse(null);
            if (summary == null) {
                return false;
            }
            JsonNode s = new ObjectMapper().readTree(summary.toFile());
            return s.path("allSettled").asBoolean();
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Process child) throws Exception {
        while (!check.ok()) {
            if (!child.isAlive()) {
                throw new IllegalStateException("paybridge exited with " + child.exitValue());
            }
            Thread.sleep(200); // a benchmark harness polling files
        }
    }

    private static Path properties(Path work, BluePaySimulator bluePay, int concurrency) throws Exception {
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        Map<String, String> p = PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort());
        p.put("paybridge.ledger.url", db.freshDatabase());
        p.put("paybridge.ledger.username", db.user());
        p.put("paybridge.ledger.password", db.password());
        p.put("paybridge.ledger.pool-size", String.valueOf(concurrency + 6));
        p.put("paybridge.batch.inbox", work.resolve("inbox").toString());
        p.put("paybridge.batch.outbox", work.resolve("outbox").toString());
        p.put("paybridge.batch.concurrency", String.valueOf(concurrency));
        p.put("paybridge.batch.min-age-ms", "0");
        p.put("paybridge.batch.read-lock-check-ms", "100");
        p.put("paybridge.batch.poll-ms", "200");
        p.put("paybridge.batch.check-interval-ms", "1000");
        p.put("paybridge.batch.progress-interval-ms", "10000");
        p.put("paybridge.batch.deadline", "PT6H");
        Properties file = new Properties();
        file.putAll(p);
        Path path = work.resolve("paybridge.properties");
        try (OutputStream out = Files.newOutputStream(path)) {
            file.store(out, "batch throughput bench");
        }
        return path;
    }
}
