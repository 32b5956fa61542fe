package io.paybridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Finds payments that need attention: never sent, or waiting too long for their provider. */
public final class LedgerQueries {
    private final DataSource dataSource;
    private final PaymentRows rows;
    private final Clock clock;

    LedgerQueries(DataSource dataSource, PaymentRows rows, Clock clock) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.clock = clock;
    }

    /** RECEIVED payments untouched for longer than {@code age}: the process stopped before sending them. */
    public List<Payment> unsent(Duration age, int limit) {
        return list("SELECT " + PaymentRows.COLUMNS + " FROM payments WHERE status = 'RECEIVED' AND updated_at < ? "
                + "ORDER BY updated_at FETCH FIRST " + limit + " ROWS ONLY", clock.instant().minus(age));
    }

    /**
     * Like {@link #unsent(Duration, int)} for one provider: payments a provider's open circuit
     * breaker holds RECEIVED must not crowd out those of the other providers.
     */
    public List<Payment> unsent(String provider, Duration age, int limit) {
        return list("SELECT " + PaymentRows.COLUMNS + " FROM payments WHERE status = 'RECEIVED' AND provider = ? AND updated_at < ? "
                + "ORDER BY updated_at FETCH FIRST " + limit + " ROWS ONLY", provider, clock.instant().minus(age));
    }

    /**
     * In-flight payments of a provider last changed before {@code changedBefore} whose next poll
     * is due (never polled, or their back-off has passed).
     */
    public List<Payment> duePolls(String provider, Duration age, int limit) {
        Instant now = clock.instant();
        return list("SELECT " + PaymentRows.COLUMNS + " FROM payments WHERE provider = ? "
                + "AND status IN ('SUBMITTED', 'PENDING', 'NEEDS_REVIEW') AND updated_at < ? "
                + "AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY updated_at FETCH FIRST " + limit + " ROWS ONLY",
                provider, now.minus(age), now);
    }

    /** Records a poll that moved nothing and when the next one may happen. */
    public void polled(String id, Instant nextPollAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE payments SET polls = polls + 1, next_poll_at = ? WHERE id = ?")) {
            ps.setObject(1, Ledger.odt(nextPollAt));
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot record poll of " + id, e);
        }
    }

    /** Counts payments in a status (for health, metrics and tests). */
    public long count(String status) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM payments WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot count payments", e);
        }
    }

    /** How many events the ledger has written for a payment, published or not. */
    public long eventCount(String paymentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE payment_id = ?")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot count events", e);
        }
    }

    private List<Payment> list(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setObject(i + 1, p instanceof Instant instant ? Ledger.odt(instant) : p);
            }
            List<Payment> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rows.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new LedgerException("cannot query payments", e);
        }
    }
}
