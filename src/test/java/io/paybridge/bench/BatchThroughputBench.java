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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * End-to-end batch throughput (bench/batch/README.md; not part of the test suite). One run, two
 * contenders against the same BluePay simulator, alternated A B A B … ({@code runs} each):
 * {@link PlainPayouts} (the HTTP and signing work alone, with the project's BluePay classes) and
 * paybridge itself on a fresh PostgreSQL ledger, paying a generated file dropped in its inbox.
 * Both run in a child JVM with the same flags ({@code -Xmx256m}). Prints every run's rows per
 * second and the load average around it, then medians, ranges and the ratio of the medians, and
 * paybridge's heap-after-GC samples (first and last quarter of the run, maximum).
 *
 * <p>Arguments: rows (default 1,000,000), concurrency towards the provider (default 8), runs of
 * each program (default 3). System property {@code bench.child-jvm-options} adds JVM options to
 * both children (a JFR recording, for instance).
 */
public final class BatchThroughputBench {
    private static final List<String> HEAP = List.of("-Xmx256m");

    private BatchThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("paybridge-bench-");
        BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bluePay.setB2cBalance(new BigDecimal("100000000000"));
        bluePay.setServiceTokens(new BigDecimal("100000000000"));
        System.out.printf("bench: %,d rows, concurrency %d, %d runs each (A = plain Java, B = paybridge), work dir %s%n", rows,
                concurrency, runs, work);
        List<Double> plain = new ArrayList<>();
        List<Double> paybridge = new ArrayList<>();
        try {
            String only = System.getProperty("bench.only", ""); // "plain" or "paybridge": one contender, e.g. for a long run
            for (int run = 1; run <= runs; run++) {
                if (!only.equals("paybridge")) {
                    plain.add(plain(work.resolve("plain-" + run), bluePay, rows, concurrency, run));
                }
                if (!only.equals("plain")) {
                    paybridge.add(paybridge(work.resolve("paybridge-" + run), bluePay, rows, concurrency, run));
                }
            }
        } finally {
            bluePay.close();
        }
        if (plain.isEmpty() || paybridge.isEmpty()) {
            System.exit(0);
        }
        System.out.printf("bench: plain Java  median %,8.0f rows/s (range %,.0f–%,.0f)%n", median(plain), min(plain), max(plain));
        System.out.printf("bench: paybridge   median %,8.0f rows/s (range %,.0f–%,.0f)%n", median(paybridge), min(paybridge),
                max(paybridge));
        System.out.printf("bench: ratio of medians paybridge / plain Java = %.3f (per pair: %s)%n", median(paybridge) / median(plain),
                pairs(plain, paybridge));
        System.exit(0);
    }

    private static double plain(Path dir, BluePaySimulator bluePay, int rows, int concurrency, int run) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("plain.csv");
        BatchGenerator.write(file, "PLAIN" + run + "-", rows);
        Path log = dir.resolve("plain.log");
        String load = load();
        Process child = ChildJvm.start(PlainPayouts.class, jvmOptions(), log, bluePay.baseUrl(),
                BluePaySimulator.Settings.defaults().apiSecret(), String.valueOf(concurrency), file.toString(), String.valueOf(rows));
        waitFor(() -> Files.readString(log).contains("PLAIN NANOS"), child);
        long nanos;
        try (Stream<String> lines = Files.lines(log)) {
            nanos = lines.filter(l -> l.startsWith("PLAIN NANOS ")).mapToLong(l -> Long.parseLong(l.substring(12).trim())).findFirst()
                    .orElseThrow();
        }
        child.waitFor();
        double rate = rows / (nanos / 1e9);
        System.out.printf("bench: run %d A plain Java  %,8.0f rows/s (%.1f s), load average before %s, after %s%n", run, rate,
                nanos / 1e9, load, load());
        Files.deleteIfExists(file);
        return rate;
    }

    private static double paybridge(Path work, BluePaySimulator bluePay, int rows, int concurrency, int run) throws Exception {
        Files.createDirectories(work);
        Path batchFile = work.resolve("paybridge.csv");
        BatchGenerator.write(batchFile, "PB" + run + "-", rows);
        Path props = properties(work, bluePay, concurrency);
        Path log = work.resolve("paybridge.log");
        List<String> jvm = new ArrayList<>(jvmOptions());
        jvm.add("-Dpaybridge.heap-log-ms=5000");
        jvm.add("-Dlogback.configurationFile=" + Path.of("bench", "batch", "logback-bench.xml").toAbsolutePath());
        Process child = ChildJvm.start(BatchAppMain.class, jvm, log, props.toString());
        try {
            waitFor(() -> Files.readString(log).contains("PAYBRIDGE READY"), child);
            Path inbox = work.resolve("inbox");
            Files.createDirectories(inbox);
            String load = load();
            long started = System.nanoTime();
            Files.move(batchFile, inbox.resolve("bench.csv"), StandardCopyOption.ATOMIC_MOVE);
            Path outbox = work.resolve("outbox");
            waitFor(() -> settled(outbox), child);
            long nanos = System.nanoTime() - started;
            double rate = rows / (nanos / 1e9);
            List<Long> heap;
            try (Stream<String> lines = Files.lines(log)) {
                heap = lines.filter(l -> l.startsWith("HEAP ")).map(l -> Long.parseLong(l.substring(5).trim()) / (1024 * 1024)).toList();
            }
            int quarter = Math.max(1, heap.size() / 4);
            System.out.printf("bench: run %d B paybridge   %,8.0f rows/s (%.1f s), load average before %s, after %s; heap after GC "
                            + "(MB of 256, every 5 s, %d samples): first quarter median %s, last quarter median %s, max %s%n", run, rate,
                    nanos / 1e9, load, load(), heap.size(), heap.isEmpty() ? "-" : medianOf(heap.subList(0, quarter)),
                    heap.isEmpty() ? "-" : medianOf(heap.subList(heap.size() - quarter, heap.size())),
                    heap.stream().max(Long::compare).map(String::valueOf).orElse("-"));
            return rate;
        } finally {
            child.destroy();
            child.waitFor();
            Files.deleteIfExists(work.resolve("inbox").resolve("done").resolve("bench.csv"));
        }
    }

    private static List<String> jvmOptions() {
        List<String> jvm = new ArrayList<>(HEAP);
        String extra = System.getProperty("bench.child-jvm-options", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        return jvm;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1];
        } catch (Exception e) {
            return "?";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long medianOf(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String pairs(List<Double> plain, List<Double> paybridge) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            ratios.add(String.format("%.2f", paybridge.get(i) / plain.get(i)));
        }
        return String.join(", ", ratios);
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
