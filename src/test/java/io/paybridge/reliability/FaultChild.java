package io.paybridge.reliability;

import io.paybridge.batch.BatchAppMain;
import io.paybridge.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The bundle in a child JVM of its own (its log in a file), for tests that kill it or read its log. */
final class FaultChild implements AutoCloseable {
    private final Process process;
    private final Path log;

    private FaultChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the bundle from {@code properties} and waits until it says it is ready. */
    static FaultChild start(Path properties, Path log, String... jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"));
        options.addAll(List.of(jvmOptions));
        FaultChild child = new FaultChild(ChildJvm.start(BatchAppMain.class, options, log, properties.toString()), log);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> child.log().contains("PAYBRIDGE READY") || !child.process.isAlive());
        if (!child.process.isAlive()) {
            throw new IllegalStateException("the bundle did not start; see " + log);
        }
        return child;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child JVM did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
