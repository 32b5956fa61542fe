package io.paybridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every property can be set from the environment with Camel's mapping
 * ({@code paybridge.kafka.brokers} → {@code PAYBRIDGE_KAFKA_BROKERS}); secrets come from their
 * own variables. Checked in a child JVM, since a JVM cannot change its own environment.
 */
class EnvironmentOverrideTest {

    @Test
    void environmentVariablesOverrideTheFile() throws Exception {
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PrintProperties.class.getName(),
                "paybridge.kafka.brokers", "paybridge.http.port", "camel.server.port", "paybridge.bluepay.api-secret",
                "paybridge.ledger.url");
        child.environment().put("PAYBRIDGE_KAFKA_BROKERS", "kafka-1:9092,kafka-2:9092");
        child.environment().put("PAYBRIDGE_HTTP_PORT", "9090");
        child.environment().put("BLUEPAY_API_SECRET", "from-the-environment");
        child.redirectErrorStream(true);
        List<String> lines = run(child);
        assertThat(lines).contains(
                "paybridge.kafka.brokers=kafka-1:9092,kafka-2:9092",
                "paybridge.http.port=9090",
                "camel.server.port=9090",
                "paybridge.bluepay.api-secret=from-the-environment",
                "paybridge.ledger.url=jdbc:h2:file:./data/ledger;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    /** A mounted ConfigMap file and Secret file override the jar's file; the environment still wins over both. */
    @Test
    void mountedFilesOverrideTheJarAndTheEnvironmentOverridesThem(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("application.properties"), "paybridge.kafka.brokers = mounted:9092\npaybridge.http.port = 7070\n");
        Files.writeString(dir.resolve("secrets/credentials.properties"), "paybridge.bluepay.api-secret = from-the-secret\n");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PrintProperties.class.getName(),
                "paybridge.kafka.brokers", "paybridge.http.port", "paybridge.bluepay.api-secret", "paybridge.topics.events");
        child.environment().put("PAYBRIDGE_CONFIG_DIR", dir.toString());
        child.environment().put("PAYBRIDGE_HTTP_PORT", "9191");
        child.environment().remove("BLUEPAY_API_SECRET");
        child.redirectErrorStream(true);
        assertThat(run(child)).contains(
                "paybridge.kafka.brokers=mounted:9092",
                "paybridge.http.port=9191",
                "paybridge.bluepay.api-secret=from-the-secret",
                "paybridge.topics.events=paybridge.payments.events");
    }

    private static List<String> run(ProcessBuilder child) throws IOException, InterruptedException {
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().toList();
    }
}
