package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.testing.ChildJvm;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-row file through the batch pipeline in a child JVM whose heap is capped at 64 MB:
 * it finishes, every row is in the results once and in order, and the heap after GC stays flat
 * from the first sample to the last. The million-row end-to-end run is in bench/.
 */
class BatchLargeFileTest {
    static final int ROWS = Integer.getInteger("paybridge.large.rows", 100_000);
    static final long FLAT_BOUND = 16L * 1024 * 1024;

    @Test
    void hundredThousandRowsInFlatMemory(@TempDir Path dir) throws Exception {
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        Path file = dir.resolve("large.csv");
        BatchGenerator.write(file, "LG", ROWS);
        Path log = Path.of("target", "batch-large-file-child.log");
        Process child = ChildJvm.start(BatchMemoryProbe.class, childOptions(), log,
                file.toString(), dir.resolve("work").toString(), String.valueOf(ROWS / 10), fastDatabase(db), db.user(), db.password());
        assertThat(child.waitFor(170, TimeUnit.SECONDS)).as("child finished, see " + log).isTrue();
        List<String> output = Files.readAllLines(log);
        assertThat(child.exitValue()).as(String.join("\n", output)).isZero();

        List<Long> heap = new ArrayList<>();
        output.stream().filter(l -> l.startsWith("HEAP ")).forEach(l -> heap.add(Long.parseLong(l.split(" ")[2])));
        assertThat(heap).hasSizeGreaterThanOrEqualTo(11);
        List<Long> steady = heap.subList(1, heap.size()); // after warm-up: classes loaded, caches filled
        long growth = steady.stream().mapToLong(Long::longValue).max().orElseThrow() - steady.get(0);
        assertThat(growth).as("heap after GC across %d rows: %s", ROWS, heap).isLessThan(FLAT_BOUND);

        String stored = output.stream().filter(l -> l.startsWith("DONE ")).findFirst().orElseThrow().split(" ")[2];
        Path results = dir.resolve("work").resolve("outbox").resolve(stored + ".results.csv");
        try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            assertThat(in.readLine()).startsWith("line,reference,");
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                assertThat(line).startsWith((n + 1) + ",LG-" + n + ",").contains(",SUCCEEDED,bluepay,P-LG-" + n + ",");
            }
            assertThat(n).isEqualTo(ROWS);
        }
    }

    private static List<String> childOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx64m", "-XX:+UseSerialGC"));
        String extra = System.getProperty("paybridge.large.jvm");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.split(" ")));
        }
        return options;
    }

    /**
     * A fresh database whose commits do not wait for the WAL flush: this test measures the
     * reader's memory, not the disk; the ledger stays out of the child's heap either way.
     */
    private static String fastDatabase(EmbeddedPostgresDb db) throws Exception {
        String url = db.freshDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " SET synchronous_commit TO off");
        }
        return url;
    }
}
