package io.paybridge.reliability;

import io.paybridge.testing.ChildJvm;
import io.paybridge.testing.PaybridgeApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A one-node KRaft Kafka broker in a process of its own, on a fixed port and log directory, so a
 * test can stop it and start it again with the same address and the same data (the shared
 * in-process broker cannot be stopped).
 */
final class RestartableKafka implements AutoCloseable {
    private final Path dir;
    private final Path config;
    private final int port = PaybridgeApp.freePort();
    private Process process;
    private int starts;

    RestartableKafka(Path dir) throws Exception {
        this.dir = dir;
        int controller = PaybridgeApp.freePort();
        config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller", "node.id=1", "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1", "group.initial.rebalance.delay.ms=0",
                "num.partitions=1", "auto.create.topics.enable=true", "") );
        Process format = ChildJvm.start(kafka.tools.StorageTool.class, List.of("-Xmx256m"), dir.resolve("format.log"),
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) and waits until it answers. */
    void start() {
        process = ChildJvm.start(kafka.Kafka.class, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                dir.resolve("broker-" + (++starts) + ".log"), config.toString());
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> FaultKafka.answers(bootstrapServers()) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("kafka broker did not start; see " + dir);
        }
    }

    /** Stops the broker as an orchestrator would (SIGTERM, controlled shutdown), keeping its data. */
    void stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
