package io.paybridge.testing;

import io.paybridge.config.PaybridgeConfiguration;
import io.paybridge.ledger.Ledger;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real bundle (Camel Main, the YAML routes, the configuration class) started in-process
 * against a real broker, a real ledger database and the provider simulators. Each instance gets
 * its own topics, consumer group and HTTP port so test classes never see each other's traffic.
 */
public final class PaybridgeApp implements AutoCloseable {
    private final Main main;
    private final int port;
    private final Map<String, String> properties;

    private PaybridgeApp(Main main, int port, Map<String, String> properties) {
        this.main = main;
        this.port = port;
        this.properties = properties;
    }

    /** Settings for a bundle wired to {@code kafka} and {@code bluePay}; override any property before {@link #start}. */
    public static Map<String, String> defaults(EmbeddedKafka kafka, BluePaySimulator bluePay, int port) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("paybridge.http.port", String.valueOf(port));
        p.put("paybridge.http.host", "127.0.0.1");
        p.put("paybridge.management.port", String.valueOf(freePort()));
        p.put("paybridge.kafka.brokers", kafka.bootstrapServers());
        p.put("paybridge.kafka.consumer-group", "paybridge-" + run);
        p.put("paybridge.topics.requests", run + ".requests");
        p.put("paybridge.topics.events", run + ".events");
        p.put("paybridge.topics.dlq", run + ".dlq");
        p.put("paybridge.ledger.url", "jdbc:h2:mem:ledger-" + run + ";DB_CLOSE_DELAY=-1");
        p.put("paybridge.outbox.interval-ms", "50");
        p.put("paybridge.dispatch.retry-delay-ms", "50");
        p.put("paybridge.bluepay.base-url", bluePay.baseUrl());
        p.put("paybridge.bluepay.api-secret", BluePaySimulator.Settings.defaults().apiSecret());
        p.put("paybridge.bluepay.channel-id", BluePaySimulator.Settings.defaults().channelId());
        p.put("paybridge.bluepay.callback-url", "http://127.0.0.1:" + port + "/callbacks/bluepay");
        p.put("paybridge.batch.inbox", tempDir(run).resolve("inbox").toString());
        p.put("paybridge.batch.outbox", tempDir(run).resolve("outbox").toString());
        kafka.createTopics(p.get("paybridge.topics.requests"), p.get("paybridge.topics.events"), p.get("paybridge.topics.dlq"));
        return p;
    }

    public static PaybridgeApp start(Map<String, String> properties) throws Exception {
        int port = Integer.parseInt(properties.get("paybridge.http.port"));
        Main main = new Main();
        main.configure().addConfiguration(PaybridgeConfiguration.class);
        properties.forEach(main::addOverrideProperty);
        main.start();
        return new PaybridgeApp(main, port, properties);
    }

    /** A per-run folder for the batch inbox and outbox, so no test writes into the working directory. */
    private static Path tempDir(String run) {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"), "paybridge-test-" + run);
            return Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Base URL of the management port: /observe/health, /observe/metrics. */
    public String managementUrl() {
        return "http://127.0.0.1:" + properties.get("paybridge.management.port");
    }

    public String property(String key) {
        return properties.get(key);
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public Ledger ledger() {
        return camel().getRegistry().lookupByNameAndType("ledger", Ledger.class);
    }

    @Override
    public void close() {
        main.stop();
    }
}
