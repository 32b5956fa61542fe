package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.ChildJvm;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a batch: the bundle runs in a child JVM against the BluePay simulator
 * in this one, is killed at a random point (after a random number of payouts reached BluePay),
 * and restarted on the same PostgreSQL ledger, inbox and outbox. The batch resumes; every reference
 * is paid exactly once at BluePay; the results list every row once. A payout the process had
 * marked SUBMITTED when it died is resolved by resending the identical request under the same
 * idempotency key (BluePay's payout status needs the payout id the lost answer carried): if the
 * first never left, the resend pays it; if BluePay holds it, it answers REFERENCE_IN_USE and
 * nothing is paid twice. Such a payout whose callback was lost with the process may end
 * NEEDS_REVIEW (paid once, outcome unknown to us): only the handful in flight at the kill.
 */
class BatchCrashTest {
    static final int ROWS = Integer.getInteger("paybridge.crash.rows", 2000);
    static final int CONCURRENCY = 4;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "NEEDS_REVIEW");

    private BluePaySimulator bluePay;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (bluePay != null) {
            bluePay.close();
        }
    }

    @Test
    void killedMidBatchAndRestartedPaysEveryRowAtMostOnceAndListsEveryRowOnce(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("paybridge.crash.seed", System.nanoTime());
        int killAfter = ROWS / 10 + new Random(seed).nextInt(ROWS * 8 / 10);
        System.out.printf("crash test: seed %d, kill after %d of %d payouts reached BluePay%n", seed, killAfter, ROWS);

        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bluePay.setB2cBalance(new BigDecimal("100000000"));
        bluePay.setServiceTokens(new BigDecimal("100000000"));
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        String ledgerUrl = db.freshDatabase();
        Path props = childProperties(dir, ledgerUrl, db);
        Map<String, String> p = load(props);
        Path inbox = Path.of(p.get("paybridge.batch.inbox"));
        Path outbox = Path.of(p.get("paybridge.batch.outbox"));

        Path source = dir.resolve("source.csv");
        BatchGenerator.write(source, "CR", ROWS);
        BatchDrops.drop(inbox, "crash.csv", Files.readAllBytes(source));

        child = start(props, "first");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(5))
                .until(() -> bluePay.receivedReferences().size() >= killAfter || !child.isAlive());
        assertThat(child.isAlive()).as("the first run was still working when killed").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int beforeRestart = bluePay.receivedReferences().size();
        System.out.printf("crash test: killed with %d payouts at BluePay%n", beforeRestart);
        assertThat(beforeRestart).as("killed before every payout was sent").isLessThan(ROWS);

        child = start(props, "second");
        Path summary = BatchDrops.awaitFile(outbox, "crash.csv.summary.json", Duration.ofMinutes(3));
        String stored = summary.getFileName().toString().replace(".summary.json", "");
        Path resultsFile = outbox.resolve(stored + ".results.csv");
        // Written at the deadline, then rewritten as statuses change: wait until every row has its final word.
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                BatchDrops.read(resultsFile).lines().skip(1).map(l -> l.split(",")[4]).allMatch(FINAL::contains));
        JsonNode s = JSON.readTree(summary.toFile());

        assertThat(s.at("/rows/valid").asLong()).isEqualTo(ROWS);
        assertThat(s.at("/rows/rejected").asLong()).isZero();
        List<String> results = BatchDrops.read(resultsFile).lines().skip(1).toList();
        assertThat(results).hasSize(ROWS);
        Map<String, String> statusByRef = new HashMap<>();
        for (int n = 1; n <= ROWS; n++) {
            String[] cells = results.get(n - 1).split(",");
            assertThat(cells[1]).as("row %d in file order, listed once", n).isEqualTo(BatchGenerator.reference("CR", n));
            statusByRef.put(cells[1], cells[4]);
        }
        int reviewed = 0;
        for (int n = 1; n <= ROWS; n++) {
            String ref = BatchGenerator.reference("CR", n);
            int created = bluePay.createCount(ref);
            assertThat(created).as("%s (%s) was paid exactly once at BluePay", ref, statusByRef.get(ref)).isEqualTo(1);
            if (!"NEEDS_REVIEW".equals(statusByRef.get(ref))) {
                assertThat(statusByRef.get(ref)).isEqualTo("SUCCEEDED");
            } else {
                reviewed++;
                System.out.printf("crash test: %s in flight at the kill, NEEDS_REVIEW, reached BluePay %d time(s)%n", ref, created);
            }
        }
        assertThat(reviewed).as("only payouts in flight at the kill can be in doubt").isLessThanOrEqualTo(CONCURRENCY);
        assertThat(ledgerCount(ledgerUrl, db, s.path("batchId").asText())).isEqualTo(ROWS);
        assertThat(Files.exists(inbox.resolve("done").resolve(stored))).isTrue();
    }

    private Process start(Path props, String run) {
        return ChildJvm.start(BatchAppMain.class, List.of("-Xmx256m"), Path.of("target", "batch-crash-" + run + ".log"),
                props.toString());
    }

    private Path childProperties(Path dir, String ledgerUrl, EmbeddedPostgresDb db) throws Exception {
        Map<String, String> p = BatchDrops.fast(PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort()));
        p.put("paybridge.ledger.url", ledgerUrl);
        p.put("paybridge.ledger.username", db.user());
        p.put("paybridge.ledger.password", db.password());
        p.put("paybridge.batch.inbox", dir.resolve("inbox").toString());
        p.put("paybridge.batch.outbox", dir.resolve("outbox").toString());
        p.put("paybridge.batch.concurrency", String.valueOf(CONCURRENCY));
        p.put("paybridge.batch.deadline", "PT3S");
        // Payouts whose callback was lost while the process was dead are asked about soon after the restart.
        p.put("paybridge.reconcile.interval-ms", "500");
        p.put("paybridge.reconcile.poll-after", "PT2S");
        p.put("paybridge.bluepay.poll-after", "PT2S");
        // Payments the kill left SUBMITTED are looked up (and resent once if BluePay never got them)
        // this long after; the simulator answers in milliseconds, so no call can still be in flight.
        p.put("paybridge.reconcile.lost-answer-after", "PT4S");
        p.put("paybridge.reconcile.batch-size", "500");
        Properties file = new Properties();
        file.putAll(p);
        Path path = dir.resolve("paybridge.properties");
        try (OutputStream out = Files.newOutputStream(path)) {
            file.store(out, "BatchCrashTest child");
        }
        return path;
    }

    private static Map<String, String> load(Path props) throws Exception {
        Properties file = new Properties();
        try (var in = Files.newInputStream(props)) {
            file.load(in);
        }
        Map<String, String> p = new HashMap<>();
        file.stringPropertyNames().forEach(n -> p.put(n, file.getProperty(n)));
        return p;
    }

    private static long ledgerCount(String url, EmbeddedPostgresDb db, String batchId) throws Exception {
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM payments WHERE batch_id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
