package io.paybridge.bench;

import io.paybridge.testing.PaybridgeApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bundle as it ships: {@code java -jar target/paybridge.jar} (the jar the pom builds, its
 * dependencies in {@code target/lib/}), configured as in a container through
 * {@code PAYBRIDGE_CONFIG_DIR/application.properties}, and its AppCDS archive made by the image's
 * own script ({@code src/main/docker/cds-archive.sh}) under the image build's conditions.
 */
final class ShippedJar {
    static final Path JAR = Path.of("target", "paybridge.jar").toAbsolutePath();
    static final Path CDS_SCRIPT = Path.of("src", "main", "docker", "cds-archive.sh").toAbsolutePath();

    private ShippedJar() {
    }

    /**
     * Runs the archive script as the Dockerfile does: no Kafka (a port nobody listens on), no
     * PostgreSQL (the script's in-memory H2), no mounted configuration. Its own ports are free ones,
     * so it cannot meet another process on this shared machine.
     */
    static Path makeArchive(Path work, List<String> jvmFlags) throws Exception {
        Path archive = work.resolve("paybridge.jsa");
        Path emptyConfig = Files.createDirectories(work.resolve("cds-config"));
        List<String> command = new ArrayList<>(List.of(CDS_SCRIPT.toString(), JAR.toString(), archive.toString()));
        command.addAll(jvmFlags);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("cds-archive.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("PAYBRIDGE_CONFIG_DIR", emptyConfig.toString());
        env.put("PAYBRIDGE_HTTP_PORT", String.valueOf(PaybridgeApp.freePort()));
        env.put("PAYBRIDGE_MANAGEMENT_PORT", String.valueOf(PaybridgeApp.freePort()));
        env.put("PAYBRIDGE_KAFKA_BROKERS", "127.0.0.1:" + PaybridgeApp.freePort());
        long started = System.nanoTime();
        int code = builder.start().waitFor();
        if (code != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("cds-archive.sh exited with " + code + ", see " + work.resolve("cds-archive.log"));
        }
        System.out.printf("bench: AppCDS archive %s (%,d KiB) made in %,d ms%n", archive, Files.size(archive) / 1024,
                (System.nanoTime() - started) / 1_000_000);
        return archive;
    }

    /** Starts {@code java <flags> -jar paybridge.jar} reading {@code configDir/application.properties}. */
    static Process start(List<String> jvmFlags, Path configDir, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PAYBRIDGE_CONFIG_DIR", configDir.toString());
        return builder.start();
    }

    /**
     * Whether the process has {@code archive} mapped: under {@code -Xshare:auto} a stale or
     * mismatched archive is skipped silently, and the "with CDS" figures would then be without it.
     */
    static boolean mapsArchive(long pid, Path archive) throws IOException {
        String maps = Files.readString(Path.of("/proc", String.valueOf(pid), "maps"));
        return maps.contains(archive.toString());
    }
}
