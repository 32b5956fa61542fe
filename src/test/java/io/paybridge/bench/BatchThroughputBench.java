package io.paybridge.bench;

import io.paybridge.sandbox.bluepay.BluePaySimulator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end batch throughput (bench/batch/README.md; not part of the test suite). Contenders run
 * one after another against the same BluePay simulator, each in a child JVM with the same flags
 * ({@code -Xmx256m}), alternated A B A B … ({@code runs} each): A, {@link PlainBatchTwin} (the
 * same per-row work by hand with the project's classes, ledger included); B, paybridge itself;
 * and with {@code -Dbench.bare=true} also C, {@link PlainPayouts} (HTTP and signing alone: no
 * ledger, validation or events), A B C A B C …. Each ledger-keeping contender gets a fresh
 * PostgreSQL database on the same server and fresh topics on the same broker. Prints every run's
 * rows per second, NEEDS_REVIEW count, load average and heap after GC, then medians, ranges and
 * the ratios of the medians.
 *
 * <p>Arguments: rows (default 1,000,000), concurrency towards the provider (default 8), runs of
 * each program (default 3). System properties: {@code bench.child-jvm-options} adds JVM options to
 * every child (a JFR recording, for instance); {@code bench.bare=true} adds C;
 * {@code bench.only=twin|paybridge|bare} runs one contender alone (for a long run).
 */
public final class BatchThroughputBench {
    private BatchThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<BatchContenders.Kind> kinds = contenders();
        Path work = Files.createTempDirectory("paybridge-bench-");
        BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bluePay.setB2cBalance(new BigDecimal("100000000000"));
        bluePay.setServiceTokens(new BigDecimal("100000000000"));
        System.out.printf("bench: %,d rows, concurrency %d, %d runs each (%s), work dir %s%n", rows, concurrency, runs,
                String.join(", ", kinds.stream().map(k -> k.letter() + " = " + k.label()).toList()), work);
        Map<BatchContenders.Kind, List<BatchContenders.Run>> results = new LinkedHashMap<>();
        kinds.forEach(k -> results.put(k, new ArrayList<>()));
        BatchContenders contenders = new BatchContenders(bluePay, rows, concurrency);
        try {
            for (int run = 1; run <= runs; run++) {
                for (BatchContenders.Kind kind : kinds) {
                    results.get(kind).add(contenders.run(kind, work.resolve(kind.name().toLowerCase() + "-" + run), run));
                }
            }
        } finally {
            bluePay.close();
        }
        summarise(results);
        System.exit(0);
    }

    private static List<BatchContenders.Kind> contenders() {
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank()) {
            return List.of(switch (only) {
                case "twin" -> BatchContenders.Kind.TWIN;
                case "paybridge" -> BatchContenders.Kind.PAYBRIDGE;
                case "bare" -> BatchContenders.Kind.BARE;
                default -> throw new IllegalArgumentException("bench.only must be twin, paybridge or bare: " + only);
            });
        }
        return Boolean.getBoolean("bench.bare")
                ? List.of(BatchContenders.Kind.TWIN, BatchContenders.Kind.PAYBRIDGE, BatchContenders.Kind.BARE)
                : List.of(BatchContenders.Kind.TWIN, BatchContenders.Kind.PAYBRIDGE);
    }

    private static void summarise(Map<BatchContenders.Kind, List<BatchContenders.Run>> results) {
        Map<BatchContenders.Kind, List<Double>> rates = new LinkedHashMap<>();
        results.forEach((kind, runs) -> rates.put(kind, runs.stream().map(BatchContenders.Run::rate).toList()));
        rates.forEach((kind, r) -> System.out.printf("bench: %-11s %s rows/s; %s per run: %s%n", kind.label(),
                BenchSupport.summary(r, "%,.0f"), kind == BatchContenders.Kind.BARE ? "unanswered" : "NEEDS_REVIEW",
                results.get(kind).stream().map(x -> String.valueOf(x.review())).toList()));
        ratio(rates, BatchContenders.Kind.PAYBRIDGE, BatchContenders.Kind.TWIN, " (target >= 0.8)");
        ratio(rates, BatchContenders.Kind.PAYBRIDGE, BatchContenders.Kind.BARE, "");
        ratio(rates, BatchContenders.Kind.TWIN, BatchContenders.Kind.BARE, " (what the ledger, validation and events cost by hand)");
        System.out.printf("bench: load average at the end %s%n", BenchSupport.load());
    }

    private static void ratio(Map<BatchContenders.Kind, List<Double>> rates, BatchContenders.Kind top, BatchContenders.Kind bottom,
            String note) {
        List<Double> a = rates.get(top);
        List<Double> b = rates.get(bottom);
        if (a == null || b == null) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            pairs.add(String.format("%.2f", a.get(i) / b.get(i)));
        }
        System.out.printf("bench: ratio of medians %s / %s = %.3f (per run: %s)%s%n", top.label(), bottom.label(),
                BenchSupport.median(a) / BenchSupport.median(b), String.join(", ", pairs), note);
    }
}
