package io.paybridge.batch;

import io.paybridge.config.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code paybridge.batch.*} properties the Java side reads (the file consumer's own options
 * are read by the route). {@code delimiter} is null for "sniff it from the header row".
 */
public record BatchSettings(
        Path inbox,
        Path outbox,
        Character delimiter,
        Duration deadline,
        Duration followUpFor,
        int checkpointRows,
        int claimRows,
        int rejectMemory) {

    public static BatchSettings from(Settings settings) {
        return new BatchSettings(
                Path.of(settings.text("paybridge.batch.inbox")),
                Path.of(settings.text("paybridge.batch.outbox")),
                delimiter(settings.text("paybridge.batch.delimiter")),
                settings.duration("paybridge.batch.deadline"),
                settings.duration("paybridge.batch.follow-up-for"),
                settings.integer("paybridge.batch.checkpoint-rows"),
                settings.integer("paybridge.batch.claim-rows"),
                settings.integer("paybridge.batch.reject-memory"));
    }

    /** Where accepted files are moved (and read from). */
    public Path done() {
        return inbox.resolve("done");
    }

    /** Where files that were not accepted are moved. */
    public Path failed() {
        return inbox.resolve("failed");
    }

    static Character delimiter(String text) {
        String value = text.trim();
        if ("auto".equalsIgnoreCase(value)) {
            return null;
        }
        if (value.equals(",") || value.equals(";")) {
            return value.charAt(0);
        }
        if ("comma".equalsIgnoreCase(value)) {
            return ',';
        }
        if ("semicolon".equalsIgnoreCase(value)) {
            return ';';
        }
        throw new IllegalArgumentException("paybridge.batch.delimiter must be auto, ',' (comma) or ';' (semicolon), not '" + text + "'");
    }
}
