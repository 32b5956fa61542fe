package io.paybridge.ledger;

import io.paybridge.model.PaymentEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The outbox table: events written with their state change, read and marked by the relay. */
public final class Outbox {
    /** One unpublished event. */
    public record Entry(long seq, String eventId, String paymentId, String eventType, String payload, OffsetDateTime createdAt) {
    }

    static final String INSERT = "INSERT INTO outbox (event_id, payment_id, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public Outbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Writes an event on the caller's connection, inside the caller's transaction. */
    static void append(Connection c, PaymentEvent event, String payload) throws SQLException {
        append(c, event.eventId(), event.paymentId(), event.status().name(), payload, event.time());
    }

    /**
     * Writes any event on the caller's transaction. {@code key} is the record key and CloudEvent
     * subject (a payment id, or a batch id for {@code BATCH_*} events); {@code eventType} becomes
     * the CloudEvent type ({@link OutboxRelay#cloudEventType}).
     */
    static void append(Connection c, String eventId, String key, String eventType, String payload, Instant time)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, eventId, key, eventType, payload, time);
            ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, String eventId, String key, String eventType, String payload, Instant time)
            throws SQLException {
        ps.setString(1, eventId);
        ps.setString(2, key);
        ps.setString(3, eventType);
        ps.setString(4, payload);
        ps.setObject(5, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    /** The oldest unpublished events, in the order they were written. */
    public List<Entry> unpublished(int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, event_id, payment_id, event_type, payload, created_at FROM outbox "
                     + "WHERE published_at IS NULL ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new LedgerException("cannot read the outbox", e);
        }
    }

    /** Marks events published, only after the broker acknowledged them. */
    public void markPublished(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox SET published_at = ? WHERE seq = ?")) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            for (long seq : seqs) {
                ps.setObject(1, now);
                ps.setLong(2, seq);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new LedgerException("cannot mark outbox entries published", e);
        }
    }

    /** How long the oldest unpublished event has waited; zero when none wait (metrics). */
    public Duration oldestUnpublishedAge() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(created_at) FROM outbox WHERE published_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(1, OffsetDateTime.class);
            return oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
        } catch (SQLException e) {
            throw new LedgerException("cannot read the outbox", e);
        }
    }

    /** How many events wait to be published (for health and metrics). */
    public long backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LedgerException("cannot count the outbox", e);
        }
    }
}
