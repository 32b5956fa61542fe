package io.paybridge.batch;

import io.paybridge.testing.PaybridgeApp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The real bundle in a JVM of its own, for tests that kill it: reads the properties a test wrote
 * (args[0]), starts {@link PaybridgeApp} and runs until the process is killed.
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
        new CountDownLatch(1).await();
    }
}
