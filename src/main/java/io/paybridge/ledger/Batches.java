package io.paybridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@code batches} and {@code batch_rejects} tables: which files were accepted (by content
 * hash), how far each was read, what each rejected row broke, and the results each one produced.
 * The state changes that publish a batch event write it to the outbox in the same transaction.
 */
public final class Batches {
    private static final String COLUMNS = "id, sha256, file_name, stored_name, state, delimiter, size_bytes, rows_total, last_line, rows_read, "
            + "rows_valid, rows_rejected, results_revision, results_pending, results_statuses, received_at, read_at, results_at, settled_at";
    private static final String DUPLICATE_KEY = "23505";

    /** One broken rule of one rejected row. */
    public record Reject(long line, int seq, String reference, String field, String rule, String reason) {
    }

    /** The row counts at a resume point. */
    public record Progress(long lastLine, long rowsRead, long rowsValid, long rowsRejected) {
    }

    private final DataSource dataSource;
    private final Transactions tx;
    private final Clock clock;

    public Batches(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.clock = clock;
    }

    /** Records a newly accepted file; fails if its content (or id) is already registered. */
    public void register(BatchRecord b) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batches (id, sha256, file_name, stored_name, state, delimiter, "
                    + "size_bytes, rows_total, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, b.id());
                ps.setString(2, b.sha256());
                ps.setString(3, b.fileName());
                ps.setString(4, b.storedName());
                ps.setString(5, b.state().name());
                ps.setString(6, String.valueOf(b.delimiter()));
                ps.setLong(7, b.sizeBytes());
                ps.setLong(8, b.rowsTotal());
                ps.setObject(9, Ledger.odt(b.receivedAt()));
                ps.setObject(10, Ledger.odt(clock.instant()));
                return ps.executeUpdate();
            }
        });
    }

    public Optional<BatchRecord> find(String id) {
        return one("SELECT " + COLUMNS + " FROM batches WHERE id = ?", id);
    }

    public Optional<BatchRecord> bySha256(String sha256) {
        return one("SELECT " + COLUMNS + " FROM batches WHERE sha256 = ?", sha256);
    }

    /** The most recently received batches, newest first. */
    public List<BatchRecord> recent(int limit) {
        return list("SELECT " + COLUMNS + " FROM batches ORDER BY received_at DESC FETCH FIRST " + limit + " ROWS ONLY");
    }

    /** Batches in any of {@code states}, oldest first. */
    public List<BatchRecord> inStates(Collection<BatchState> states) {
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return list("SELECT " + COLUMNS + " FROM batches WHERE state IN (" + in + ") ORDER BY received_at");
    }

    /** Moves the resume point forward: every row up to {@code p.lastLine()} is claimed or rejected. */
    public void checkpoint(String id, Progress p) {
        update("UPDATE batches SET last_line = ?, rows_read = ?, rows_valid = ?, rows_rejected = ?, updated_at = ? WHERE id = ?",
                p.lastLine(), p.rowsRead(), p.rowsValid(), p.rowsRejected(), clock.instant(), id);
    }

    /** Every row is read: the batch now waits for its payments to settle. */
    public void markRead(String id, Progress p) {
        Instant now = clock.instant();
        update("UPDATE batches SET state = 'DISPATCHED', last_line = ?, rows_read = ?, rows_valid = ?, rows_rejected = ?, "
                + "read_at = ?, updated_at = ? WHERE id = ? AND state = 'READING'",
                p.lastLine(), p.rowsRead(), p.rowsValid(), p.rowsRejected(), now, now, id);
    }

    /**
     * Records why a row was rejected. A row recorded before a restart is recorded again when the
     * resumed batch re-reads it; the second time changes nothing.
     */
    public void reject(String batchId, List<Reject> problems) {
        try {
            tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_rejects (batch_id, line, seq, reference, field, rule, "
                        + "reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (Reject r : problems) {
                        ps.setString(1, batchId);
                        ps.setLong(2, r.line());
                        ps.setInt(3, r.seq());
                        ps.setString(4, truncate(r.reference(), 200));
                        ps.setString(5, truncate(r.field(), 64));
                        ps.setString(6, truncate(r.rule(), 64));
                        ps.setString(7, truncate(r.reason(), 1000));
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (LedgerException e) {
            if (!(e.getCause() instanceof SQLException sql) || !DUPLICATE_KEY.equals(sql.getSQLState())) {
                throw e;
            }
        }
    }

    /** The first line on which {@code reference} was rejected in this batch, if it was. */
    public Optional<Long> firstRejectedLine(String batchId, String reference) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(line) FROM batch_rejects WHERE batch_id = ? AND reference = ?")) {
            ps.setString(1, batchId);
            ps.setString(2, reference);
            try (ResultSet rs = ps.executeQuery()) {
                long line = rs.next() ? rs.getLong(1) : 0;
                return line > 0 ? Optional.of(line) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read rejects of batch " + batchId, e);
        }
    }

    /** Up to {@code limit} rejected rows after the given (line, seq), in file order. */
    public List<Reject> rejects(String batchId, long afterLine, int afterSeq, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT line, seq, reference, field, rule, reason FROM batch_rejects "
                     + "WHERE batch_id = ? AND (line > ? OR (line = ? AND seq > ?)) ORDER BY line, seq FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setString(1, batchId);
            ps.setLong(2, afterLine);
            ps.setLong(3, afterLine);
            ps.setInt(4, afterSeq);
            List<Reject> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Reject(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new LedgerException("cannot read rejects of batch " + batchId, e);
        }
    }

    /**
     * Records that results were written (revision, rows still pending, new state) together with
     * the batch event announcing them, in one transaction.
     */
    public void resultsWritten(String id, BatchState next, int revision, long pending, String statuses, OutboxEvent event) {
        Instant now = event.time();
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batches SET state = ?, results_revision = ?, results_pending = ?, "
                    + "results_statuses = ?, results_at = COALESCE(results_at, ?), settled_at = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, next.name());
                ps.setInt(2, revision);
                ps.setLong(3, pending);
                ps.setString(4, truncate(statuses, 400));
                ps.setObject(5, Ledger.odt(now));
                ps.setObject(6, pending == 0 ? Ledger.odt(now) : null);
                ps.setObject(7, Ledger.odt(now));
                ps.setString(8, id);
                ps.executeUpdate();
            }
            Outbox.append(c, event.eventId(), id, event.type(), event.payload(), now);
            return null;
        });
    }

    private Optional<BatchRecord> one(String sql, String param) {
        List<BatchRecord> found = list(sql, param);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<BatchRecord> list(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<BatchRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new LedgerException("cannot read batches", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot update batch", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            ps.setObject(i + 1, p instanceof Instant instant ? Ledger.odt(instant) : p);
        }
    }

    private static BatchRecord read(ResultSet rs) throws SQLException {
        long pendingValue = rs.getLong("results_pending");
        Long pending = rs.wasNull() ? null : pendingValue;
        return new BatchRecord(rs.getString("id"), rs.getString("sha256"), rs.getString("file_name"), rs.getString("stored_name"),
                BatchState.valueOf(rs.getString("state")), rs.getString("delimiter").charAt(0), rs.getLong("size_bytes"), rs.getLong("rows_total"),
                rs.getLong("last_line"), rs.getLong("rows_read"), rs.getLong("rows_valid"), rs.getLong("rows_rejected"),
                rs.getInt("results_revision"), pending, rs.getString("results_statuses"), instant(rs, "received_at"), instant(rs, "read_at"),
                instant(rs, "results_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
