package io.paybridge.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which DLQ records an operator has replayed and what came of it. Replaying is safe twice anyway
 * (intake is idempotent by payment id); this record lets a replay answer "already replayed"
 * instead of silently doing nothing, and says when and with what result it was replayed.
 */
public final class DlqReplays {
    private static final String DUPLICATE_KEY = "23505";

    /** An earlier replay of one record: its result (NEW, REPEAT, REJECTED, CONFLICT) and how many times. */
    public record Replay(String result, String paymentId, int replays) {
    }

    private final Transactions tx;
    private final Clock clock;

    public DlqReplays(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = clock;
    }

    public Optional<Replay> find(String topic, int partition, long offset) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT result, payment_id, replays FROM dlq_replays WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")) {
                ps.setString(1, topic);
                ps.setInt(2, partition);
                ps.setLong(3, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Replay(rs.getString(1), rs.getString(2), rs.getInt(3))) : Optional.empty();
                }
            }
        });
    }

    /** Records a replay's result; a forced replay of the same record counts up. */
    public void record(String topic, int partition, long offset, String result, String paymentId) {
        try {
            upsert(topic, partition, offset, result, paymentId);
        } catch (LedgerException e) {
            if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                upsert(topic, partition, offset, result, paymentId); // a concurrent replay inserted it first
                return;
            }
            throw e;
        }
    }

    private void upsert(String topic, int partition, long offset, String result, String paymentId) {
        tx.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE dlq_replays SET result = ?, payment_id = ?, "
                    + "replays = replays + 1, replayed_at = ? WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")) {
                update.setString(1, result);
                update.setString(2, paymentId);
                update.setObject(3, Ledger.odt(clock.instant()));
                update.setString(4, topic);
                update.setInt(5, partition);
                update.setLong(6, offset);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO dlq_replays (dlq_topic, dlq_partition, dlq_offset, "
                    + "payment_id, result, replays, replayed_at) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
                insert.setString(1, topic);
                insert.setInt(2, partition);
                insert.setLong(3, offset);
                insert.setString(4, paymentId);
                insert.setString(5, result);
                insert.setObject(6, Ledger.odt(clock.instant()));
                insert.executeUpdate();
            }
            return null;
        });
    }
}
