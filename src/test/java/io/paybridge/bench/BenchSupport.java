package io.paybridge.bench;

import io.paybridge.testing.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the end-to-end benches share: launching a contender in a child JVM with the same flags,
 * waiting for its ready line, reading its peak RSS and heap-after-GC samples, and summarising
 * alternating rounds as median and range.
 */
final class BenchSupport {
    private static final Pattern HEAP_USED = Pattern.compile("\\bused (\\d+)K");
    /** A thread's line in {@code jcmd Thread.print}: {@code "name" #12 ... cpu=123.45ms}. */
    private static final Pattern THREAD_CPU = Pattern.compile("^\"(.*)\" .*?\\bcpu=([0-9.]+)ms", Pattern.MULTILINE);

    private BenchSupport() {
    }

    /** Same flags for both contenders; {@code BENCH_JVM_OPTS} adds more to both (e.g. a JFR recording). */
    static List<String> jvmFlags(String name, Path work) {
        List<String> flags = new ArrayList<>(List.of("-Xmx256m",
                "-Dlogback.configurationFile=" + Path.of("bench", "batch", "logback-bench.xml").toAbsolutePath()));
        flags.addAll(extraJvmFlags(name, work));
        return flags;
    }

    /** {@code BENCH_JVM_OPTS}, split on spaces, with {@code {name}} and {@code {work}} replaced. */
    static List<String> extraJvmFlags(String name, Path work) {
        List<String> flags = new ArrayList<>();
        String extra = System.getenv("BENCH_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            for (String flag : extra.trim().split("\\s+")) {
                flags.add(flag.replace("{name}", name).replace("{work}", work.toString()));
            }
        }
        return flags;
    }

    /** Starts {@code main} in a child JVM and waits until its log shows {@code readyLine}. */
    static Process start(Class<?> main, String name, Path work, Path props, String readyLine, String... more) throws Exception {
        Path log = work.resolve(name + ".log");
        String[] args = Stream.concat(Stream.of(props.toString()), Arrays.stream(more)).toArray(String[]::new);
        Process child = ChildJvm.start(main, jvmFlags(name, work), log, args);
        while (!Files.readString(log).contains(readyLine)) {
            if (!child.isAlive()) {
                throw new IllegalStateException(name + " exited with " + child.exitValue() + ", see " + log);
            }
            Thread.sleep(50); // a harness polling a child's log
        }
        return child;
    }

    static void stop(Process child) throws InterruptedException {
        child.destroy();
        child.waitFor();
    }

    /** Peak resident set size so far ({@code VmHWM}), in MiB. */
    static long peakRssMiB(Process child) throws IOException {
        return StartupBench.procStatus(child.pid()).entrySet().stream().filter(e -> e.getKey().equals("VmHWM"))
                .mapToLong(e -> Long.parseLong(e.getValue().replace("kB", "").trim()) / 1024).findFirst().orElse(-1);
    }

    /**
     * Heap in use right after a full collection, in MiB, asked of the child by {@code jcmd} (GC.run, then
     * GC.heap_info). The harness calls it between rounds, while the child is idle, and the same way for
     * both contenders: a sampler inside a contender would pause its measured requests.
     */
    static long heapAfterFullGcMiB(Process child) throws IOException, InterruptedException {
        jcmd(child.pid(), "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(child.pid(), "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    /**
     * CPU time so far per kind of thread of the child, in ms, from {@code jcmd Thread.print} (numbers in
     * names become {@code N}, so the four dispatch threads add up as one kind). Unlike a sampling
     * profiler's counts, these are the kernel's figures: a thread waiting for a core adds nothing.
     */
    static Map<String, Double> threadCpuMillis(Process child) throws IOException, InterruptedException {
        Map<String, Double> cpu = new TreeMap<>();
        Matcher m = THREAD_CPU.matcher(jcmd(child.pid(), "Thread.print"));
        while (m.find()) {
            cpu.merge(m.group(1).replaceAll("\\d+", "N"), Double.parseDouble(m.group(2)), Double::sum);
        }
        return cpu;
    }

    /** The kinds of thread that used the most CPU between two {@link #threadCpuMillis} readings, per message. */
    static String threadCpuPerMessage(Map<String, Double> before, Map<String, Double> after, int messages, int top) {
        Map<String, Double> used = new HashMap<>();
        after.forEach((name, ms) -> used.put(name, ms - before.getOrDefault(name, 0.0)));
        return used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / messages))
                .collect(Collectors.joining("; "));
    }

    static Path writeProperties(Path path, Map<String, String> p) {
        Properties file = new Properties();
        file.putAll(p);
        try (OutputStream out = Files.newOutputStream(path)) {
            file.store(out, "end-to-end bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    static Properties readProperties(String path) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of(path))) {
            p.load(in);
        }
        return p;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String summary(List<Double> values, String format) {
        return String.format("median " + format + " (range " + format + "–" + format + ", n=%d)", median(values),
                Collections.min(values), Collections.max(values), values.size());
    }

    /** The q-quantile (0..1) of {@code values}, nearest rank. */
    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
