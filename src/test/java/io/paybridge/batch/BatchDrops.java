package io.paybridge.batch;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** Test helpers: fast batch settings, dropping files into an inbox, waiting for outputs. */
final class BatchDrops {
    private BatchDrops() {
    }

    /** Short intervals so a test does not wait on production timings. */
    static Map<String, String> fast(Map<String, String> p) {
        p.put("paybridge.batch.min-age-ms", "0");
        p.put("paybridge.batch.read-lock-check-ms", "100");
        p.put("paybridge.batch.poll-ms", "100");
        p.put("paybridge.batch.check-interval-ms", "200");
        p.put("paybridge.batch.progress-interval-ms", "1000");
        return p;
    }

    /** Writes a file beside the inbox and renames it in, as a careful ERP would. */
    static void drop(Path inbox, String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve("." + name + ".part");
            Files.write(temp, content);
            Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void drop(Path inbox, String name, String content) {
        drop(inbox, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The one file in {@code dir} whose name ends with {@code suffix}, once it exists. */
    static Path awaitFile(Path dir, String suffix, Duration atMost) {
        Path[] found = new Path[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = find(dir, suffix);
            return found[0] != null;
        });
        return found[0];
    }

    static Path find(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix) && !f.getFileName().toString().startsWith("."))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
