package io.paybridge.bench;

import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Startup to ready and idle RSS of the shipped bundle (bench/startup/README.md; not part of the
 * test suite). Kafka, PostgreSQL and the BluePay simulator run in this JVM, already warm; paybridge
 * runs as {@code java -jar target/paybridge.jar} ({@code -Xmx256m}) on a fresh ledger database each
 * time, so Flyway migrates from scratch as on a first deployment. Two modes alternate run by run:
 * with the AppCDS archive the container image ships (made first by the image's own script) and
 * without it. Startup is the time from launching the process until {@code /observe/health/ready}
 * answers 200 (JVM start, Camel, routes, Kafka consumers, the ledger pool and migrations all
 * included). Idle RSS is {@code VmRSS} from {@code /proc/<pid>/status} after the bundle has stood
 * ready and idle for a while; {@code VmHWM} is its peak so far.
 *
 * <p>Arguments: runs per mode (default 3), idle seconds before reading RSS (default 20).
 */
public final class StartupBench {
    private static final List<String> MODES = List.of("cds", "no-cds");

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("paybridge-startup-");
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Path archive = ShippedJar.makeArchive(work, jvmFlags("cds-training", work));
        Map<String, List<Long>> startups = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        try (BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults())) {
            for (int run = 1; run <= runs; run++) {
                for (String mode : MODES) {
                    String name = "run" + run + "-" + mode;
                    Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort());
                    p.put("paybridge.ledger.url", db.freshDatabase());
                    p.put("paybridge.ledger.username", db.user());
                    p.put("paybridge.ledger.password", db.password());
                    Path config = Files.createDirectories(work.resolve(name));
                    write(config.resolve("application.properties"), p);
                    URI ready = URI.create("http://127.0.0.1:" + p.get("paybridge.management.port") + "/observe/health/ready");
                    List<String> flags = jvmFlags(name, work);
                    if (mode.equals("cds")) {
                        // As the image's entrypoint runs it.
                        flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
                    }
                    long started = System.nanoTime();
                    java.time.Instant launched = java.time.Instant.now();
                    Process child = ShippedJar.start(flags, config, work.resolve(name + ".log"));
                    try {
                        while (!isReady(http, ready)) {
                            if (!child.isAlive()) {
                                throw new IllegalStateException("paybridge exited with " + child.exitValue() + ", see " + work);
                            }
                            Thread.sleep(20); // a harness polling a process, not a test
                        }
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        System.out.printf("bench: run %d %-6s: launched %s, ready %s%n", run, mode, launched, java.time.Instant.now());
                        long cpuMillis = cpuMillis(child.pid());
                        String byThread = BenchSupport.threadCpuPerMessage(Map.of(), BenchSupport.threadCpuMillis(child), 1, 8);
                        if (ShippedJar.mapsArchive(child.pid(), archive) != mode.equals("cds")) {
                            throw new IllegalStateException(name + ": the archive was " + (mode.equals("cds") ? "not " : "") + "used");
                        }
                        Thread.sleep(idleSeconds * 1000L);
                        Map<String, String> status = procStatus(child.pid());
                        long kb = Long.parseLong(status.get("VmRSS").replace("kB", "").trim());
                        startups.computeIfAbsent(mode, m -> new ArrayList<>()).add(millis);
                        cpu.computeIfAbsent(mode, m -> new ArrayList<>()).add(cpuMillis);
                        rss.computeIfAbsent(mode, m -> new ArrayList<>()).add(kb / 1024);
                        String load = BenchSupport.load();
                        loads.add(load.split(" ")[0]);
                        System.out.printf("bench: run %d %-6s: ready in %,d ms (CPU time used until then %,d ms); after %d s idle VmRSS %s, VmHWM %s; load %s%n",
                                run, mode, millis, cpuMillis, idleSeconds, status.get("VmRSS"), status.get("VmHWM"), load);
                        System.out.printf("bench: run %d %-6s: CPU ms to ready by thread: %s%n", run, mode, byThread);
                    } finally {
                        child.destroy();
                        child.waitFor();
                    }
                }
            }
        }
        for (String mode : MODES) {
            System.out.printf("bench: %-6s startup to ready median %,d ms (range %,d–%,d); CPU time to ready median %,d ms (range %,d–%,d); "
                            + "idle RSS median %,d MiB (range %,d–%,d); n=%d%n", mode,
                    median(startups.get(mode)), Collections.min(startups.get(mode)), Collections.max(startups.get(mode)),
                    median(cpu.get(mode)), Collections.min(cpu.get(mode)), Collections.max(cpu.get(mode)),
                    median(rss.get(mode)), Collections.min(rss.get(mode)), Collections.max(rss.get(mode)), startups.get(mode).size());
        }
        System.out.printf("bench: 1-minute load average at each reading: %s%n", String.join(", ", loads));
        System.exit(0);
    }

    /** {@code -Xmx256m}, then {@code BENCH_JVM_OPTS}, for the training run too (no bench logging: the jar's own). */
    private static List<String> jvmFlags(String name, Path work) {
        List<String> flags = new ArrayList<>(List.of("-Xmx256m"));
        flags.addAll(BenchSupport.extraJvmFlags(name, work));
        return flags;
    }

    private static boolean isReady(HttpClient http, URI ready) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    /**
     * User plus system CPU time the process has used ({@code /proc/<pid>/stat} fields 14 and 15, in
     * clock ticks of 10 ms): on a shared machine it moves far less with other people's load than
     * wall-clock startup does, so it shows whether a change made startup cheaper.
     */
    static long cpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    static Map<String, String> procStatus(long pid) throws java.io.IOException {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static Path write(Path path, Map<String, String> p) throws java.io.IOException {
        Properties file = new Properties();
        file.putAll(p);
        try (OutputStream out = Files.newOutputStream(path)) {
            file.store(out, "startup bench");
        }
        return path;
    }
}
