package io.paybridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a paybridge batch run is over, for the harness. Normally when {@code summary.json} says
 * every row is settled (results written). But a payment in NEEDS_REVIEW (say the simulator did not
 * answer under load: no blind resend, and BluePay's payout status cannot be asked by our
 * reference) is not terminal, so the bundle writes results only at the batch deadline; the run is
 * then over when the ledger shows the whole file read and every payment terminal or in review.
 * The ledger is only asked once the batch has left READING, and with queries the status index
 * answers, so the poll costs the contender next to nothing.
 */
final class PaybridgeBatchEnd implements AutoCloseable {
    /** How the run ended: {@code resultsWritten} false when it ended in the ledger with {@code review} payments in review. */
    record End(long review, boolean resultsWritten) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outbox;
    private final Connection db;

    PaybridgeBatchEnd(Path outbox, String url, String user, String password) throws SQLException {
        this.outbox = outbox;
        this.db = DriverManager.getConnection(url, user, password);
    }

    /** The end, if the run is over now. */
    Optional<End> check() throws Exception {
        if (allSettled()) {
            return Optional.of(new End(0, true));
        }
        if (count("SELECT COUNT(*) FROM batches WHERE state <> 'READING'") == 0) {
            return Optional.empty();
        }
        long open = count("SELECT COUNT(*) FROM payments WHERE status IN ('RECEIVED', 'SUBMITTED', 'PENDING')");
        long review = count("SELECT COUNT(*) FROM payments WHERE status = 'NEEDS_REVIEW'");
        // Without reviews, the results follow within a check interval: wait for them, as before.
        return open == 0 && review > 0 ? Optional.of(new End(review, false)) : Optional.empty();
    }

    private boolean allSettled() throws Exception {
        if (!Files.isDirectory(outbox)) {
            return false;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            Path summary = files.filter(f -> f.getFileName().toString().endsWith(".summary.json")).findFirst().orElse(null);
            if (summary == null) {
                return false;
            }
            JsonNode s = JSON.readTree(summary.toFile());
            return s.path("allSettled").asBoolean();
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
