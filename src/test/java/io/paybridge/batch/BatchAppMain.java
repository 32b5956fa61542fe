package io.paybridge.batch;

import io.paybridge.testing.PaybridgeApp;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The real bundle in a JVM of its own, for tests that kill it: reads the properties a test wrote
 * (args[0]), starts {@link PaybridgeApp} and runs until the process is killed. With
 * {@code -Dpaybridge.heap-log-ms=N} it prints the heap in use after GC every N ms (benchmarks).
 */
public final class BatchAppMain {
    private BatchAppMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            file.load(in);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
        PaybridgeApp.start(properties);
        System.out.println("PAYBRIDGE READY");
        long heapLogMillis = Long.getLong("paybridge.heap-log-ms", 0);
        while (heapLogMillis > 0) {
            Thread.sleep(heapLogMillis); // a process-level sampler, not a test waiting for a condition
            // A full collection first: with G1 the old generation's after-collection figure only
            // moves at mixed or full collections, so without it the sample understates live data.
            System.gc();
            System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        new CountDownLatch(1).await();
    }
}
