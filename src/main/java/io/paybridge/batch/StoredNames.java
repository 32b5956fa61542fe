package io.paybridge.batch;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name a dropped file is kept under in {@code done/} or {@code failed/}, and the stem of its
 * output files: the time it was taken (UTC) before its own name, so that the same name dropped
 * every day never overwrites an earlier file or its results.
 */
final class StoredNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StoredNames() {
    }

    static String unique(BatchSettings settings, String name, Instant at) {
        String stamp = STAMP.format(at);
        String candidate = stamp + "-" + name;
        for (int n = 2; taken(settings, candidate); n++) {
            candidate = stamp + "-" + n + "-" + name;
        }
        return candidate;
    }

    private static boolean taken(BatchSettings settings, String candidate) {
        return Files.exists(settings.done().resolve(candidate)) || Files.exists(settings.failed().resolve(candidate))
                || Files.exists(settings.outbox().resolve(BatchOutputs.summaryName(candidate)))
                || Files.exists(settings.outbox().resolve(BatchOutputs.duplicateName(candidate)))
                || Files.exists(settings.outbox().resolve(BatchOutputs.rejectsName(candidate)));
    }
}
