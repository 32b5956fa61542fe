package io.paybridge.bench;

import io.paybridge.batch.BatchAppMain;
import io.paybridge.batch.BatchGenerator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.ChildJvm;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run of one contender of the batch benchmark, in a child JVM with the same flags as the
 * others, on a freshly generated file with references of its own (the simulator never sees one
 * twice). Prints the run's line: rows per second, NEEDS_REVIEW count, load average before and
 * after, and for the ledger-keeping contenders their heap after GC (median of the first and of
 * the last quarter of the 5-second samples, and the largest).
 */
final class BatchContenders {
    /** The contenders, in the order they alternate. */
    enum Kind {
        TWIN("A", "ledger twin"), PAYBRIDGE("B", "paybridge"), BARE("C", "bare twin");

        private final String letter;
        private final String label;

        Kind(String letter, String label) {
            this.letter = letter;
            this.label = label;
        }

        String letter() {
            return letter;
        }

        String label() {
            return label;
        }
    }

    /** A run's rate and how many payments ended in NEEDS_REVIEW (for the bare twin: calls that got no answer). */
    record Run(double rate, double seconds, long review) {
    }

    private final BluePaySimulator bluePay;
    private final int rows;
    private final int concurrency;

    BatchContenders(BluePaySimulator bluePay, int rows, int concurrency) {
        this.bluePay = bluePay;
        this.rows = rows;
        this.concurrency = concurrency;
    }

    Run run(Kind kind, Path dir, int run) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(kind.name().toLowerCase() + ".csv");
        BatchGenerator.write(file, kind.name().charAt(0) + "R" + run, rows);
        String load = load();
        Run result = switch (kind) {
            case TWIN -> twin(dir, file);
            case PAYBRIDGE -> paybridge(dir, file);
            case BARE -> bare(dir, file);
        };
        Path log = dir.resolve(kind.name().toLowerCase() + ".log");
        System.out.printf("bench: run %d %s %-11s %,8.0f rows/s (%.1f s), %s %d, load average before %s, after %s%s%n", run,
                kind.letter(), kind.label(), result.rate(), result.seconds(), kind == Kind.BARE ? "unanswered" : "NEEDS_REVIEW",
                result.review(), load, load(), kind == Kind.BARE ? "" : "; " + heap(log));
        Files.deleteIfExists(file);
        return result;
    }

    private Run twin(Path dir, Path file) throws Exception {
        Path props = BenchSupport.writeProperties(dir.resolve("twin.properties"), properties(dir));
        Path log = dir.resolve("twin.log");
        Process child = ChildJvm.start(PlainBatchTwin.class, jvmOptions(true), log, props.toString(), file.toString(), dir.toString());
        waitFor(() -> Files.readString(log).contains("TWIN COUNTS"), child);
        child.waitFor();
        long nanos = Long.parseLong(line(log, "TWIN NANOS ").trim());
        String counts = line(log, "TWIN COUNTS ");
        long claimed = Long.parseLong(counts.replaceAll(".*claimed=(\\d+).*", "$1"));
        if (claimed != rows) {
            throw new IllegalStateException("the twin claimed " + claimed + " of " + rows + " rows: " + counts + ", see " + log);
        }
        return new Run(rows / (nanos / 1e9), nanos / 1e9, Long.parseLong(counts.replaceAll(".*review=(\\d+).*", "$1")));
    }

    private Run paybridge(Path dir, Path file) throws Exception {
        Map<String, String> p = properties(dir);
        Path props = BenchSupport.writeProperties(dir.resolve("paybridge.properties"), p);
        Path log = dir.resolve("paybridge.log");
        List<String> jvm = jvmOptions(true);
        Process child = ChildJvm.start(BatchAppMain.class, jvm, log, props.toString());
        try (PaybridgeBatchEnd end = new PaybridgeBatchEnd(dir.resolve("outbox"), p.get("paybridge.ledger.url"),
                p.get("paybridge.ledger.username"), p.get("paybridge.ledger.password"))) {
            waitFor(() -> Files.readString(log).contains("PAYBRIDGE READY"), child);
            Path inbox = dir.resolve("inbox");
            Files.createDirectories(inbox);
            long started = System.nanoTime();
            Files.move(file, inbox.resolve("bench.csv"), StandardCopyOption.ATOMIC_MOVE);
            PaybridgeBatchEnd.End[] ended = new PaybridgeBatchEnd.End[1];
            waitFor(() -> {
                Optional<PaybridgeBatchEnd.End> e = end.check();
                e.ifPresent(x -> ended[0] = x);
                return e.isPresent();
            }, child);
            long nanos = System.nanoTime() - started;
            if (!ended[0].resultsWritten()) {
                System.out.printf("bench: paybridge ended with %d payments in NEEDS_REVIEW: timed to the last payment settled or in "
                        + "review; its results file only comes at the batch deadline%n", ended[0].review());
            }
            return new Run(rows / (nanos / 1e9), nanos / 1e9, ended[0].review());
        } finally {
            BenchSupport.stop(child);
            Files.deleteIfExists(dir.resolve("inbox").resolve("done").resolve("bench.csv"));
        }
    }

    private Run bare(Path dir, Path file) throws Exception {
        Path log = dir.resolve("bare.log");
        Process child = ChildJvm.start(PlainPayouts.class, jvmOptions(false), log, bluePay.baseUrl(),
                BluePaySimulator.Settings.defaults().apiSecret(), String.valueOf(concurrency), file.toString(), String.valueOf(rows));
        waitFor(() -> Files.readString(log).contains("PLAIN UNANSWERED"), child);
        child.waitFor();
        long nanos = Long.parseLong(line(log, "PLAIN NANOS ").trim());
        return new Run(rows / (nanos / 1e9), nanos / 1e9, Long.parseLong(line(log, "PLAIN UNANSWERED ").trim()));
    }

    /** The bundle's properties, which the ledger twin reads too: a fresh database on the shared server, fresh topics. */
    private Map<String, String> properties(Path dir) {
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        Map<String, String> p = PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort());
        p.put("paybridge.ledger.url", db.freshDatabase());
        p.put("paybridge.ledger.username", db.user());
        p.put("paybridge.ledger.password", db.password());
        p.put("paybridge.ledger.pool-size", String.valueOf(concurrency + 6));
        p.put("paybridge.batch.inbox", dir.resolve("inbox").toString());
        p.put("paybridge.batch.outbox", dir.resolve("outbox").toString());
        p.put("paybridge.batch.concurrency", String.valueOf(concurrency));
        p.put("paybridge.batch.min-age-ms", "0");
        p.put("paybridge.batch.read-lock-check-ms", "100");
        p.put("paybridge.batch.poll-ms", "200");
        p.put("paybridge.batch.check-interval-ms", "1000");
        p.put("paybridge.batch.progress-interval-ms", "10000");
        p.put("paybridge.batch.deadline", "PT6H");
        return p;
    }

    /** {@code -Xmx256m} and {@code bench.child-jvm-options} for every child; the ledger keepers also log heap and quiet per-payment lines. */
    private static List<String> jvmOptions(boolean ledgerKeeper) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        String extra = System.getProperty("bench.child-jvm-options", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (ledgerKeeper) {
            jvm.add("-Dpaybridge.heap-log-ms=5000");
            jvm.add("-Dlogback.configurationFile=" + Path.of("bench", "batch", "logback-bench.xml").toAbsolutePath());
        }
        return jvm;
    }

    private static String heap(Path log) throws Exception {
        List<Long> heap;
        try (Stream<String> lines = Files.lines(log)) {
            heap = lines.filter(l -> l.startsWith("HEAP ")).map(l -> Long.parseLong(l.substring(5).trim()) / (1024 * 1024)).toList();
        }
        if (heap.isEmpty()) {
            return "heap after GC: no sample";
        }
        int quarter = Math.max(1, heap.size() / 4);
        return String.format("heap after GC (MB of 256, every 5 s, %d samples): first quarter median %d, last quarter median %d, max %d",
                heap.size(), median(heap.subList(0, quarter)), median(heap.subList(heap.size() - quarter, heap.size())),
                heap.stream().max(Long::compare).orElseThrow());
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String line(Path log, String prefix) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no '" + prefix + "' line in " + log));
        }
    }

    private static String load() {
        String[] parts = BenchSupport.load().split(" ");
        return parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Process child) throws Exception {
        while (!check.ok()) {
            if (!child.isAlive() && !check.ok()) {
                throw new IllegalStateException("the contender exited with " + child.exitValue());
            }
            Thread.sleep(200); // a benchmark harness polling files and the ledger
        }
    }
}
